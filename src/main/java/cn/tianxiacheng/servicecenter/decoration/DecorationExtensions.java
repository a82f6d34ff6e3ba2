package cn.tianxiacheng.servicecenter.decoration;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 延期: the owner's request to extend the permit, recorded by reception and decided by engineering
 * in the process.
 */
@Service
class DecorationExtensions {

	private final JdbcTemplate jdbc;

	private final DecorationSupervision supervision;

	private final DecorationJournal journal;

	private final RuntimeService runtimeService;

	private final EngineAsSystem asSystem;

	private final DecorationProperties properties;

	private final Clock clock;

	DecorationExtensions(JdbcTemplate jdbc, DecorationSupervision supervision, DecorationJournal journal,
			RuntimeService runtimeService, EngineAsSystem asSystem, DecorationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.supervision = supervision;
		this.journal = journal;
		this.runtimeService = runtimeService;
		this.asSystem = asSystem;
		this.properties = properties;
		this.clock = clock;
	}

	record Extension(long id, LocalDate requestedEnd, String reason) {
	}

	/** Reception records the owner's request to extend the permit; engineering decides it in the process. */
	@Transactional
	void requestExtension(String number, LocalDate newEnd, String reason, Staff staff) {
		staff.require("只有接待员可以受理延期申请", StaffGroup.RECEPTION);
		Decoration decoration = supervision.underway(number, staff);
		DecorationSupervision.checkText(reason, "延期原因");
		if (newEnd == null || !newEnd.isAfter(decoration.permitEnd())) {
			throw new BadInputException("延期后的竣工日期须晚于许可证现在的截止日期 " + decoration.permitEnd());
		}
		if (newEnd.isAfter(decoration.permitEnd().plusDays(properties.maxWorksDays()))) {
			throw new BadInputException("一次最多延期 " + properties.maxWorksDays() + " 天");
		}
		if (pendingExtension(decoration.id()).isPresent()) {
			throw new ConflictException("装修 " + number + " 已有一份待审核的延期申请");
		}
		jdbc.update("""
				insert into decoration_extension (decoration_id, requested_end, reason, status, requested_by, requested_at)
				values (?, ?, ?, 'PENDING', ?, ?)""", decoration.id(), Date.valueOf(newEnd), reason.strip(), staff.id(),
				Timestamp.from(clock.instant()));
		journal.record(decoration.id(), "受理延期申请", staff.id(), "延期至 " + newEnd + "：" + reason.strip());
		String request = "延期至 **" + newEnd + "**（现截止 " + decoration.permitEnd() + "）。原因：" + reason.strip();
		asSystem.run(() -> runtimeService.createMessageCorrelation(DecorationApprovalProcess.EXTENSION_REQUESTED)
			.processInstanceBusinessKey(number)
			.setVariable(Var.EXTENSION_REQUEST, request)
			.setVariable(Var.REQUESTED_BY, staff.id())
			.setVariable(Var.RECENT_STEPS, journal.recentSteps(decoration.id()))
			.correlate());
	}

	Optional<Extension> pendingExtension(long decorationId) {
		return jdbc.query("""
				select id, requested_end, reason from decoration_extension where decoration_id = ? and status = 'PENDING'""",
				(rs, i) -> new Extension(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3)), decorationId)
			.stream()
			.findFirst();
	}

	void decideExtension(Extension extension, boolean approved, String decidedBy) {
		jdbc.update("update decoration_extension set status = ?, decided_by = ?, decided_at = ? where id = ?",
				approved ? "APPROVED" : "REJECTED", decidedBy, Timestamp.from(clock.instant()), extension.id());
	}

}
