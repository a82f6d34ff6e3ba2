package cn.tianxiacheng.servicecenter.release;

import java.sql.Timestamp;
import java.util.List;

import cn.tianxiacheng.servicecenter.estate.PersonalDataMask;
import cn.tianxiacheng.servicecenter.estate.PersonalDataPolicy;
import cn.tianxiacheng.servicecenter.journal.Journal.Step;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.Item;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.Pass;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A pass as one staff member may see it: the phone by the personal-data rule (and the read
 * logged), an agent's ID number always masked, its steps and gate checks; the signature for
 * those who print it.
 */
@Component
class PassViews {

	record GateCheckLine(String gate, String result, String reason, String remark, String checkedBy,
			Timestamp checkedAt) {
	}

	record PassView(String passNumber, long unitId, String unitNumber, String applicant, String applicantPhone,
			String agentIdNumber, List<Item> items, String window, String gate, String vehiclePlate, boolean moveOut,
			String status, String statusCode, String closingReason, String signature, List<Step> steps,
			List<GateCheckLine> gateChecks) {
	}

	/** A line of the list: no phone. */
	record PassLine(String passNumber, String unitNumber, String applicant, String items, String window, String gate,
			String status) {
	}

	private final ReleasePasses passes;

	private final PassJournal journal;

	private final PassSignature signature;

	private final PersonalDataPolicy privacy;

	private final StaffNames staffNames;

	private final JdbcTemplate jdbc;

	PassViews(ReleasePasses passes, PassJournal journal, PassSignature signature, PersonalDataPolicy privacy,
			StaffNames staffNames, JdbcTemplate jdbc) {
		this.passes = passes;
		this.journal = journal;
		this.signature = signature;
		this.privacy = privacy;
		this.staffNames = staffNames;
		this.jdbc = jdbc;
	}

	@Transactional
	PassView of(String passNumber, Staff viewer) {
		Pass pass = passes.byNumber(viewer.estateId(), passNumber);
		PersonalDataMask mask = privacy.forRecord(viewer, "RELEASE_PASS", pass.passNumber(), "查看物品放行申请");
		boolean prints = viewer.isIn(StaffGroup.RECEPTION, StaffGroup.MANAGER);
		return new PassView(pass.passNumber(), pass.unitId(), pass.unitNumber(), pass.applicantLabel(mask),
				mask.phone(pass.applicantPhone()),
				pass.agentIdNumber() == null ? null : PersonalDataMask.maskIdNumber(pass.agentIdNumber()),
				passes.items(pass.id()), passes.window(pass), pass.gate(), pass.vehiclePlate(), pass.moveOut(),
				pass.status().label(), pass.status().name(), pass.closingReason(),
				prints ? signature.of(pass.passNumber()) : null, journal.steps(pass.id()), gateChecks(pass.id()));
	}

	List<PassLine> list(Long unitId, Staff viewer) {
		PersonalDataMask mask = privacy.forList(viewer);
		return passes.list(viewer.estateId(), unitId, 200)
			.stream()
			.map(pass -> new PassLine(pass.passNumber(), pass.unitNumber(), pass.applicantLabel(mask),
					ReleasePasses.itemsSummary(passes.items(pass.id())), passes.window(pass), pass.gate(),
					pass.status().label()))
			.toList();
	}

	private List<GateCheckLine> gateChecks(long passId) {
		return jdbc.query("""
				select gate, result, reason, remark, checked_by, checked_at from gate_check where pass_id = ? order by id""",
				(rs, i) -> new GateCheckLine(rs.getString(1), "RELEASED".equals(rs.getString(2)) ? "放行" : "拒绝",
						rs.getString(3) == null ? null : GateChecks.Reason.valueOf(rs.getString(3)).label(),
						rs.getString(4), staffNames.of(rs.getString(5)), rs.getTimestamp(6)),
				passId);
	}

}
