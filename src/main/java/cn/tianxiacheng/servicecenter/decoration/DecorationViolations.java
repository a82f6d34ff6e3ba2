package cn.tianxiacheng.servicecenter.decoration;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import cn.tianxiacheng.servicecenter.casework.ComplaintProcess;
import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 违章: a violation recorded by security or engineering from a patrol, a neighbour's complaint or
 * an inspection (serious ones stop the works), taken up by its rectification in the process after
 * the commit, closed or decided with a deduction from the deposit.
 */
@Service
class DecorationViolations {

	private static final Pattern COMPLAINT_NUMBER = Pattern.compile("([A-Z0-9]{2,6}-)?TS-\\d{8}-\\d{4}");

	private final JdbcTemplate jdbc;

	private final DecorationSupervision supervision;

	private final DecorationJournal journal;

	private final HistoryService historyService;

	private final EngineAsSystem asSystem;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DecorationViolations(JdbcTemplate jdbc, DecorationSupervision supervision, DecorationJournal journal,
			HistoryService historyService, EngineAsSystem asSystem, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.supervision = supervision;
		this.journal = journal;
		this.historyService = historyService;
		this.asSystem = asSystem;
		this.events = events;
		this.clock = clock;
	}

	record Violation(long id, long decorationId, String description, boolean serious, LocalDate rectifyBy,
			String status) {

		String summary() {
			return "#" + id + " " + description + (serious ? "（严重，已停工）" : "") + "，限 " + rectifyBy + " 前整改";
		}

	}

	record DecidedViolation(long id, String description, BigDecimal deduction) {
	}

	/**
	 * Security or engineering records a violation seen on a patrol or after a neighbour's
	 * complaint (its case number); serious ones stop the works.
	 */
	@Transactional
	long reportViolation(String number, String source, String complaintCase, String description, boolean serious,
			LocalDate rectifyBy, Staff staff) {
		staff.require("只有工程部和秩序维护部可以登记违章", StaffGroup.ENGINEERING, StaffGroup.SECURITY);
		Decoration decoration = supervision.underway(number, staff);
		if (!"PATROL".equals(source) && !"COMPLAINT".equals(source)) {
			throw new BadInputException("违章来源只能是 PATROL（巡查发现）或 COMPLAINT（邻居投诉）");
		}
		if ("COMPLAINT".equals(source)) {
			checkComplaint(complaintCase, staff);
		}
		DecorationSupervision.checkText(description, "违章情况");
		if (rectifyBy == null || rectifyBy.isBefore(LocalDate.now(clock))) {
			throw new BadInputException("请填写整改期限（不早于今天）");
		}
		return recordViolation(decoration, source, "COMPLAINT".equals(source) ? complaintCase : null,
				description.strip(), serious, rectifyBy, staff.id());
	}

	long recordViolation(Decoration decoration, String source, String complaintCase, String description,
			boolean serious, LocalDate rectifyBy, String reportedBy) {
		jdbc.update("""
				insert into decoration_violation (decoration_id, source, complaint_case, description, serious, rectify_by,
				                                  status, reported_by, reported_at)
				values (?, ?, ?, ?, ?, ?, 'REPORTED', ?, ?)""", decoration.id(), source, complaintCase,
				description.length() <= DecorationSupervision.MAX_TEXT ? description
						: description.substring(0, DecorationSupervision.MAX_TEXT), serious,
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

	/** A complaint case of the staff member's estate: another estate's is unknown to them. */
	private void checkComplaint(String caseNumber, Staff staff) {
		if (caseNumber == null || !COMPLAINT_NUMBER.matcher(caseNumber).matches()) {
			throw new BadInputException("请填写邻居投诉的案件编号，如 TXC-TS-20261127-0007");
		}
		long complaints = asSystem.call(() -> historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ComplaintProcess.KEY)
			.processInstanceBusinessKey(caseNumber)
			.tenantIdIn(staff.workingEstate().code())
			.count());
		if (complaints == 0) {
			throw new BusinessRuleException("没有投诉案件 " + caseNumber);
		}
	}

	private Violation violation(ResultSet rs, int row) throws SQLException {
		return new Violation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getDate(5).toLocalDate(),
				rs.getString(6));
	}

}
