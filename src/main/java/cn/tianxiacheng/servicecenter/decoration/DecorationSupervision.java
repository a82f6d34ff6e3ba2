package cn.tianxiacheng.servicecenter.decoration;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.casework.ComplaintProcess;
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision of the works: what staff record from outside the tasks (a patrol, a violation
 * from a patrol or a neighbour's complaint, the owner's extension or completion application, an
 * objection in the hold period) and the inspections and violations the process's delegates
 * work on. A recorded violation opens its rectification in the process after the commit.
 */
@Service
class DecorationSupervision {


	private static final Pattern COMPLAINT_NUMBER = Pattern.compile("TS-\\d{8}-\\d{4}");

	private static final int MAX_TEXT = 500;

	record Violation(long id, long decorationId, String description, boolean serious, LocalDate rectifyBy,
			String status) {

		String summary() {
			return "#" + id + " " + description + (serious ? "（严重，已停工）" : "") + "，限 " + rectifyBy + " 前整改";
		}

	}

	record Extension(long id, LocalDate requestedEnd, String reason) {
	}

	private final JdbcTemplate jdbc;

	private final Decorations decorations;

	private final DecorationJournal journal;

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final EngineAsSystem asSystem;

	private final ApplicationEventPublisher events;

	private final DecorationProperties properties;

	private final Clock clock;

	DecorationSupervision(JdbcTemplate jdbc, Decorations decorations, DecorationJournal journal,
			RuntimeService runtimeService, HistoryService historyService, EngineAsSystem asSystem,
			ApplicationEventPublisher events, DecorationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.decorations = decorations;
		this.journal = journal;
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.asSystem = asSystem;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Security or engineering records a violation seen on a patrol or after a neighbour's
	 * complaint (its case number); serious ones stop the works.
	 */
	@Transactional
	long reportViolation(String number, String source, String complaintCase, String description, boolean serious,
			LocalDate rectifyBy, Staff staff) {
		staff.require("只有工程部和秩序维护部可以登记违章", StaffGroup.ENGINEERING, StaffGroup.SECURITY);
		Decoration decoration = underway(number);
		if (!"PATROL".equals(source) && !"COMPLAINT".equals(source)) {
			throw new BadInputException("违章来源只能是 PATROL（巡查发现）或 COMPLAINT（邻居投诉）");
		}
		if ("COMPLAINT".equals(source)) {
			checkComplaint(complaintCase);
		}
		checkText(description, "违章情况");
		if (rectifyBy == null || rectifyBy.isBefore(LocalDate.now(clock))) {
			throw new BadInputException("请填写整改期限（不早于今天）");
		}
		return recordViolation(decoration, source, "COMPLAINT".equals(source) ? complaintCase : null,
				description.strip(), serious, rectifyBy, staff.id());
	}

	/** Security's own patrol of a site: the checklist items found wanting and notes; a violation goes on as one. */
	@Transactional
	void recordPatrol(String number, Set<ChecklistItem> failedItems, String notes, Staff staff) {
		staff.require("只有秩序维护部可以登记巡查", StaffGroup.SECURITY);
		Decoration decoration = underway(number);
		if (notes != null && notes.length() > 1000) {
			throw new BadInputException("巡查记录最多 1000 个字");
		}
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.update("""
				insert into decoration_inspection (decoration_id, kind, status, scheduled_at, failed_items, result, notes,
				                                   inspected_by, inspected_at)
				values (?, 'PATROL', 'DONE', ?, ?, ?, ?, ?, ?)""", decoration.id(), now, names(failedItems),
				failedItems.isEmpty() ? "OK" : "ISSUES", notes, staff.id(), now);
		journal.record(decoration.id(), "秩序维护部巡查", staff.id(),
				(failedItems.isEmpty() ? "正常" : "需注意：" + ChecklistItem.labels(failedItems)) + (notes == null ? "" : "。" + notes));
	}

	/** Reception records the owner's request to extend the permit; engineering decides it in the process. */
	@Transactional
	void requestExtension(String number, LocalDate newEnd, String reason, Staff staff) {
		staff.require("只有接待员可以受理延期申请", StaffGroup.RECEPTION);
		Decoration decoration = underway(number);
		checkText(reason, "延期原因");
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

	/** Reception records that the owner applies for the completion inspection (竣工验收). */
	@Transactional
	void applyForCompletion(String number, Staff staff) {
		staff.require("只有接待员可以受理竣工验收申请", StaffGroup.RECEPTION);
		Decoration decoration = underway(number);
		if (decoration.status() == DecorationStatus.STOPPED || openViolations(decoration.id()) > 0) {
			throw new ConflictException("装修 " + number + " 尚有未处理完的违章，整改完毕后才能申请验收");
		}
		if (decoration.completionApplied()) {
			throw new ConflictException("装修 " + number + " 已申请验收，等待工程部验收");
		}
		decorations.markCompletionApplied(decoration.id(), true);
		journal.record(decoration.id(), "业主申请竣工验收", staff.id(), null);
		asSystem.run(() -> runtimeService.createMessageCorrelation(DecorationApprovalProcess.COMPLETION_APPLIED)
			.processInstanceBusinessKey(number)
			.setVariable(Var.RECENT_STEPS, journal.recentSteps(decoration.id()))
			.correlate());
	}

	/** A neighbour's objection or a hidden problem found during the hold period, for the assessment of deductions. */
	@Transactional
	void raiseObjection(String number, String description, Staff staff) {
		staff.require("只有接待员和工程部可以登记异议", StaffGroup.RECEPTION, StaffGroup.ENGINEERING);
		Decoration decoration = decorations.byNumber(number);
		if (decoration.status() != DecorationStatus.ACCEPTED) {
			throw new ConflictException("只能在验收后的观察期内登记异议（装修 " + number + " 现在：" + decoration.status().label() + "）");
		}
		checkText(description, "异议内容");
		jdbc.update("insert into decoration_objection (decoration_id, description, raised_by, raised_at) values (?, ?, ?, ?)",
				decoration.id(), description.strip(), staff.id(), Timestamp.from(clock.instant()));
		journal.record(decoration.id(), "登记观察期异议", staff.id(), description.strip());
	}

	// --- for the process's delegates

	long recordViolation(Decoration decoration, String source, String complaintCase, String description,
			boolean serious, LocalDate rectifyBy, String reportedBy) {
		jdbc.update("""
				insert into decoration_violation (decoration_id, source, complaint_case, description, serious, rectify_by,
				                                  status, reported_by, reported_at)
				values (?, ?, ?, ?, ?, ?, 'REPORTED', ?, ?)""", decoration.id(), source, complaintCase,
				description.length() <= MAX_TEXT ? description : description.substring(0, MAX_TEXT), serious,
				Date.valueOf(rectifyBy), reportedBy, Timestamp.from(clock.instant()));
		long id = jdbc.queryForObject("select max(id) from decoration_violation where decoration_id = ?", Long.class,
				decoration.id());
		journal.record(decoration.id(), "登记违章", reportedBy, description + (serious ? "（严重）" : "") + "，限 " + rectifyBy
				+ " 前整改" + (complaintCase == null ? "" : "；投诉 " + complaintCase));
		events.publishEvent(new ViolationReported(decoration.number(), id));
		return id;
	}

	/** The oldest violation waiting for its rectification, now taken by one; none: the process was asked for nothing. */
	Violation takeReportedViolation(Decoration decoration) {
		Violation violation = jdbc.query("""
				select id, decoration_id, description, serious, rectify_by, status from decoration_violation
				 where decoration_id = ? and status = 'REPORTED' order by id fetch first 1 rows only""", this::violation,
				decoration.id())
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("装修 " + decoration.number() + " 没有待整改的违章"));
		jdbc.update("update decoration_violation set status = 'OPEN' where id = ?", violation.id());
		return violation;
	}

	/** The violation of this decoration that a rectification works on. */
	Violation violation(Decoration decoration, Object violationId) {
		long id = violationId instanceof Number n ? n.longValue() : -1;
		return jdbc.query("""
				select id, decoration_id, description, serious, rectify_by, status from decoration_violation
				 where id = ? and decoration_id = ?""", this::violation, id, decoration.id())
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("装修 " + decoration.number() + " 没有编号为 " + violationId + " 的违章"));
	}

	void closeViolation(Violation violation, String closedBy) {
		jdbc.update("update decoration_violation set status = 'RECTIFIED', closed_by = ?, closed_at = ? where id = ? and status = 'OPEN'",
				closedBy, Timestamp.from(clock.instant()), violation.id());
	}

	void decideViolation(Violation violation, BigDecimal deduction, String authority, LocalDate reportedOn,
			String reference, String decidedBy) {
		jdbc.update("""
				update decoration_violation set status = 'DECIDED', closed_by = ?, closed_at = ?, deduction = ?, authority = ?,
				       reported_to_authority_on = ?, report_reference = ? where id = ? and status = 'OPEN'""", decidedBy,
				Timestamp.from(clock.instant()), deduction, authority, reportedOn == null ? null : Date.valueOf(reportedOn),
				reference, violation.id());
	}

	/** What the manager decided to deduct for violations, in yuan. */
	BigDecimal violationDeductions(long decorationId) {
		return jdbc.queryForObject("select coalesce(sum(deduction), 0) from decoration_violation where decoration_id = ?",
				BigDecimal.class, decorationId);
	}

	record DecidedViolation(long id, String description, BigDecimal deduction) {
	}

	List<DecidedViolation> deductedViolations(long decorationId) {
		return jdbc.query("""
				select id, description, deduction from decoration_violation where decoration_id = ? and deduction > 0
				 order by id""", (rs, i) -> new DecidedViolation(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3)),
				decorationId);
	}

	long openViolations(long decorationId) {
		return jdbc.queryForObject(
				"select count(*) from decoration_violation where decoration_id = ? and status in ('REPORTED', 'OPEN')",
				Long.class, decorationId);
	}

	long scheduleInspection(Decoration decoration) {
		jdbc.update("""
				insert into decoration_inspection (decoration_id, kind, status, scheduled_at) values (?, 'INSPECTION', 'DUE', ?)""",
				decoration.id(), Timestamp.from(clock.instant()));
		return jdbc.queryForObject("select max(id) from decoration_inspection where decoration_id = ?", Long.class,
				decoration.id());
	}

	/** Fills in an inspection of this decoration that is still due. */
	void recordInspection(Decoration decoration, Object inspectionId, Set<ChecklistItem> failedItems, boolean violation,
			String notes, String inspectedBy) {
		long id = inspectionId instanceof Number n ? n.longValue() : -1;
		int updated = jdbc.update("""
				update decoration_inspection set status = 'DONE', failed_items = ?, result = ?, notes = ?, inspected_by = ?,
				       inspected_at = ? where id = ? and decoration_id = ? and status = 'DUE'""", names(failedItems),
				violation ? "VIOLATION" : failedItems.isEmpty() ? "OK" : "ISSUES",
				notes == null || notes.length() <= 1000 ? notes : notes.substring(0, 1000), inspectedBy,
				Timestamp.from(clock.instant()), id, decoration.id());
		if (updated == 0) {
			throw new IllegalStateException("装修 " + decoration.number() + " 没有待完成的巡检 " + inspectionId);
		}
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

	private static String names(Set<ChecklistItem> items) {
		return items.stream().sorted().map(ChecklistItem::name).collect(Collectors.joining(","));
	}

	/** The decoration, once its permit is out and the works (and their supervision in the process) have started. */
	private Decoration underway(String number) {
		Decoration decoration = decorations.byNumber(number);
		boolean started = (decoration.status() == DecorationStatus.IN_PROGRESS
				|| decoration.status() == DecorationStatus.STOPPED)
				&& asSystem.call(() -> runtimeService.createEventSubscriptionQuery()
					.processInstanceId(processInstanceId(decoration))
					.eventName(DecorationApprovalProcess.VIOLATION_REPORTED)
					.count()) > 0;
		if (!started) {
			throw new ConflictException("装修 " + number + " 不在施工中（现在：" + decoration.status().label() + "）");
		}
		return decoration;
	}

	private String processInstanceId(Decoration decoration) {
		return jdbc.queryForObject("select process_instance_id from decoration where id = ?", String.class,
				decoration.id());
	}

	private void checkComplaint(String caseNumber) {
		if (caseNumber == null || !COMPLAINT_NUMBER.matcher(caseNumber).matches()) {
			throw new BadInputException("请填写邻居投诉的案件编号，如 TS-20261127-0007");
		}
		long complaints = asSystem.call(() -> historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ComplaintProcess.KEY)
			.processInstanceBusinessKey(caseNumber)
			.count());
		if (complaints == 0) {
			throw new BusinessRuleException("没有投诉案件 " + caseNumber);
		}
	}

	private static void checkText(String text, String what) {
		if (text == null || text.isBlank()) {
			throw new BadInputException("请填写" + what);
		}
		if (text.strip().length() > MAX_TEXT) {
			throw new BadInputException(what + "最多 " + MAX_TEXT + " 个字");
		}
	}

	private Violation violation(ResultSet rs, int row) throws SQLException {
		return new Violation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getDate(5).toLocalDate(),
				rs.getString(6));
	}

}
