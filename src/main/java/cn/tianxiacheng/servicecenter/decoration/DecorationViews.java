package cn.tianxiacheng.servicecenter.decoration;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.decoration.DecorationSettlement.Deduction;
import cn.tianxiacheng.servicecenter.estate.PersonalDataMask;
import cn.tianxiacheng.servicecenter.estate.PersonalDataPolicy;
import cn.tianxiacheng.servicecenter.fee.Ledger;
import cn.tianxiacheng.servicecenter.journal.Journal.Step;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff see of decorations: one decoration with its permit, money, inspections, violations
 * and story (names and phones as the personal-data rule allows, workers' ID numbers always
 * masked); the printable permit; the decorations under way per building.
 */
@Service
class DecorationViews {

	record WorkerView(String name, String idNumber, String trade, String passNumber) {
	}

	record BillView(String item, BigDecimal amount, BigDecimal paid, String status) {
	}

	record InspectionView(String kind, String status, Timestamp scheduledAt, String inspectedBy, Timestamp inspectedAt,
			String result, String wanting, String notes) {
	}

	record ViolationView(long id, String source, String complaintCase, String description, boolean serious,
			LocalDate rectifyBy, String status, String reportedBy, BigDecimal deduction, String authority,
			LocalDate reportedToAuthorityOn, String reportReference) {
	}

	record ExtensionView(LocalDate requestedEnd, String reason, String status, String requestedBy, String decidedBy) {
	}

	record AcceptanceView(String result, String defects, String inspectedBy, Timestamp inspectedAt) {
	}

	record ObjectionView(String description, String raisedBy, Timestamp raisedAt) {
	}

	record DeductionView(String kind, String description, BigDecimal amount) {
	}

	record DecorationView(String decorationNumber, String status, String statusLabel, long unitId, String unitNumber,
			String applicantRole, String applicantName, String applicantPhone, String ownerConsent,
			String contractorCompany, String contractorLicence, String contractorPerson, String contractorPhone,
			String works, String scope, LocalDate plannedStart, LocalDate plannedEnd, Timestamp registeredAt,
			List<String> requiredDocuments, String refusal, String engineeringDecision, String engineeringConditions,
			String managerDecision, String permittedHours, String wasteRemoval, String permitNumber,
			Timestamp permitIssuedAt, LocalDate permitEnd, boolean completionApplied, LocalDate acceptedOn,
			LocalDate holdUntil, Integer passesReturned, BigDecimal depositRefunded, List<WorkerView> workers,
			List<BillView> bills, List<DeductionView> deductions, List<InspectionView> inspections,
			List<ViolationView> violations, List<ExtensionView> extensions, List<AcceptanceView> acceptances,
			List<ObjectionView> objections, List<Step> steps) {
	}

	record PermitView(String permitNumber, String decorationNumber, String unitNumber, String contractorCompany,
			String contractorPerson, String works, String scope, LocalDate start, LocalDate end, String permittedHours,
			String conditions, Timestamp issuedAt, List<String> passNumbers) {
	}

	record UnderWay(String decorationNumber, String unitNumber, int building, String contractorCompany,
			String permitNumber, LocalDate start, LocalDate permitEnd, String statusLabel, long openViolations,
			Timestamp lastInspection, boolean overrun) {
	}

	private static final Map<String, String> DECISIONS = Map.of("APPROVE", "同意", "APPROVE_WITH_CONDITIONS", "附条件同意",
			"REJECT", "不同意", "GIVEN", "业主已同意", "REFUSED", "业主不同意", "SELF", "业主自行清运", "PROPERTY", "委托物业清运");

	private static final Map<String, String> WORDS = Map.of("INSPECTION", "工程部巡检", "PATROL", "秩序维护部巡查",
			"COMPLAINT", "邻居投诉", "REPORTED", "待整改", "OPEN", "整改中", "RECTIFIED", "已整改", "DECIDED", "未整改，经理已处理",
			"DUE", "待巡检", "DONE", "已巡检");

	private static final Map<String, String> MORE_WORDS = Map.of("OK", "正常", "ISSUES", "需注意", "VIOLATION", "发现违章",
			"PASSED", "合格", "FAILED", "不合格", "PENDING", "待审核", "APPROVED", "已批准", "REJECTED", "不批准");

	private final JdbcTemplate jdbc;

	private final DecorationJournal journal;

	private final DecorationSettlement settlement;

	private final PersonalDataPolicy personalData;

	private final Ledger ledger;

	private final StaffNames staffNames;

	private final Clock clock;

	DecorationViews(JdbcTemplate jdbc, DecorationJournal journal, DecorationSettlement settlement,
			PersonalDataPolicy personalData, Ledger ledger, StaffNames staffNames, Clock clock) {
		this.jdbc = jdbc;
		this.journal = journal;
		this.settlement = settlement;
		this.personalData = personalData;
		this.ledger = ledger;
		this.staffNames = staffNames;
		this.clock = clock;
	}

	/**
	 * The decoration of the viewer's estate as the viewer may see it; a read in clear of names and phones
	 * is logged.
	 */
	@Transactional
	DecorationView view(String number, Staff viewer) {
		Map<String, Object> d = row(number, viewer.estateId());
		long id = ((Number) d.get("id")).longValue();
		long unitId = ((Number) d.get("unit_id")).longValue();
		PersonalDataMask mask = personalData.forRecord(viewer, "DECORATION", number, "装修详情");
		List<WorkerView> workers = jdbc.query(
				"select name, id_number, trade, pass_number from decoration_worker where decoration_id = ? order by id",
				(rs, i) -> new WorkerView(mask.name(rs.getString(1)), PersonalDataMask.maskIdNumber(rs.getString(2)),
						rs.getString(3), rs.getString(4)),
				id);
		List<BillView> bills = ledger.bills(unitId)
			.stream()
			.filter(bill -> bill.period().equals(number))
			.map(bill -> new BillView(bill.feeItemName(), bill.amount(), bill.paid(), bill.status()))
			.toList();
		List<DeductionView> deductions = settlement.deductions(id)
			.stream()
			.map((Deduction x) -> new DeductionView(x.kind().label(), x.description(), x.amount()))
			.toList();
		List<InspectionView> inspections = jdbc.query("""
				select kind, status, scheduled_at, inspected_by, inspected_at, result, failed_items, notes
				  from decoration_inspection where decoration_id = ? order by id desc""",
				(rs, i) -> new InspectionView(word(rs.getString(1)), word(rs.getString(2)), rs.getTimestamp(3),
						staffNames.of(rs.getString(4)), rs.getTimestamp(5), word(rs.getString(6)),
						ChecklistItem.labels(rs.getString(7)), rs.getString(8)),
				id);
		List<ViolationView> violations = jdbc.query("""
				select id, source, complaint_case, description, serious, rectify_by, status, reported_by, deduction, authority,
				       reported_to_authority_on, report_reference from decoration_violation where decoration_id = ? order by id""",
				(rs, i) -> new ViolationView(rs.getLong(1), word(rs.getString(2)), rs.getString(3), rs.getString(4),
						rs.getBoolean(5), rs.getDate(6).toLocalDate(), word(rs.getString(7)), staffNames.of(rs.getString(8)),
						rs.getBigDecimal(9), rs.getString(10),
						rs.getDate(11) == null ? null : rs.getDate(11).toLocalDate(), rs.getString(12)),
				id);
		List<ExtensionView> extensions = jdbc.query("""
				select requested_end, reason, status, requested_by, decided_by from decoration_extension
				 where decoration_id = ? order by id""",
				(rs, i) -> new ExtensionView(rs.getDate(1).toLocalDate(), rs.getString(2), word(rs.getString(3)),
						staffNames.of(rs.getString(4)), staffNames.of(rs.getString(5))),
				id);
		List<AcceptanceView> acceptances = jdbc.query("""
				select result, defects, inspected_by, inspected_at from decoration_acceptance where decoration_id = ? order by id""",
				(rs, i) -> new AcceptanceView(word(rs.getString(1)), rs.getString(2), staffNames.of(rs.getString(3)),
						rs.getTimestamp(4)),
				id);
		List<ObjectionView> objections = jdbc.query(
				"select description, raised_by, raised_at from decoration_objection where decoration_id = ? order by id",
				(rs, i) -> new ObjectionView(rs.getString(1), staffNames.of(rs.getString(2)), rs.getTimestamp(3)), id);
		DecorationStatus status = DecorationStatus.valueOf((String) d.get("status"));
		return new DecorationView(number, status.name(), status.label(), unitId, (String) d.get("unit_number"),
				ApplicantRole.valueOf((String) d.get("applicant_role")).label(), mask.name((String) d.get("applicant_name")),
				mask.phone((String) d.get("applicant_phone")), decision(d.get("owner_consent")),
				(String) d.get("contractor_company"), (String) d.get("contractor_licence"),
				mask.name((String) d.get("contractor_person")), mask.phone((String) d.get("contractor_phone")),
				(String) d.get("works"), Scope.labels(Decorations.scope((String) d.get("scope"))),
				date(d.get("planned_start")), date(d.get("planned_end")), (Timestamp) d.get("registered_at"),
				jdbc.queryForList("select name from decoration_document where decoration_id = ? order by id", String.class,
						id),
				(String) d.get("refusal"), decision(d.get("engineering_decision")),
				(String) d.get("engineering_conditions"), decision(d.get("manager_decision")),
				(String) d.get("permitted_hours"), decision(d.get("waste_removal")), (String) d.get("permit_number"),
				(Timestamp) d.get("permit_issued_at"), date(d.get("permit_end")), d.get("completion_applied_at") != null,
				date(d.get("accepted_on")), date(d.get("hold_until")), (Integer) d.get("passes_returned"),
				(BigDecimal) d.get("deposit_refunded"), workers, bills, deductions, inspections, violations, extensions,
				acceptances, objections, journal.steps(id));
	}

	/** The permit to post at the door: no phone, the responsible person's family name only. */
	PermitView permit(String number, Staff viewer) {
		Map<String, Object> d = row(number, viewer.estateId());
		if (d.get("permit_number") == null) {
			throw new NotFoundException("装修 " + number + " 尚未核发许可证");
		}
		return new PermitView((String) d.get("permit_number"), number, (String) d.get("unit_number"),
				(String) d.get("contractor_company"), PersonalDataMask.maskName((String) d.get("contractor_person")),
				(String) d.get("works"), Scope.labels(Decorations.scope((String) d.get("scope"))),
				date(d.get("planned_start")), date(d.get("permit_end")), (String) d.get("permitted_hours"),
				(String) d.get("engineering_conditions"), (Timestamp) d.get("permit_issued_at"),
				jdbc.queryForList("select pass_number from decoration_worker where decoration_id = ? order by id",
						String.class, d.get("id")));
	}

	/** The estate's decorations whose works run (or are stopped), of one building or all, by building and unit. */
	List<UnderWay> underWay(long estateId, Integer building) {
		LocalDate today = LocalDate.now(clock);
		return jdbc.query("""
				select d.decoration_number, u.unit_number, u.building_number, d.contractor_company, d.permit_number, d.planned_start,
				       d.permit_end, d.status, d.completion_applied_at,
				       (select count(*) from decoration_violation v where v.decoration_id = d.id and v.status in ('REPORTED', 'OPEN')),
				       (select max(i.inspected_at) from decoration_inspection i where i.decoration_id = d.id and i.status = 'DONE')
				  from decoration d join unit_address u on u.unit_id = d.unit_id
				 where d.status in ('IN_PROGRESS', 'STOPPED') and u.estate_id = ? %s
				 order by u.building_number, u.unit_number""".formatted(building == null ? "" : "and u.building_number = ?"), (rs, i) -> {
			LocalDate end = rs.getDate(7).toLocalDate();
			return new UnderWay(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
					rs.getDate(6).toLocalDate(), end, DecorationStatus.valueOf(rs.getString(8)).label()
							+ (rs.getTimestamp(9) != null ? "（已申请验收）" : ""),
					rs.getLong(10), rs.getTimestamp(11), end.isBefore(today) && rs.getTimestamp(9) == null);
		}, building == null ? new Object[] { estateId } : new Object[] { estateId, building });
	}

	private Map<String, Object> row(String number, long estateId) {
		return jdbc.queryForList("""
				select d.*, u.unit_number from decoration d join unit_address u on u.unit_id = d.unit_id
				 where d.decoration_number = ? and u.estate_id = ?""", number, estateId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("没有装修申报 " + number));
	}

	private static LocalDate date(Object value) {
		return value == null ? null : ((Date) value).toLocalDate();
	}

	private static String decision(Object code) {
		return code == null ? null : DECISIONS.getOrDefault(code.toString(), code.toString());
	}

	private static String word(String code) {
		return code == null ? null : WORDS.getOrDefault(code, MORE_WORDS.getOrDefault(code, code));
	}

}
