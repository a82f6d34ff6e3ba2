package cn.tianxiacheng.servicecenter.decoration;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;

import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 巡检 and 竣工验收: the inspections the process schedules and engineering fills in, the owner's
 * application for the completion inspection, and the objections raised in the hold period after it.
 */
@Service
class DecorationInspections {

	private final JdbcTemplate jdbc;

	private final Decorations decorations;

	private final DecorationSupervision supervision;

	private final DecorationViolations violations;

	private final DecorationJournal journal;

	private final RuntimeService runtimeService;

	private final EngineAsSystem asSystem;

	private final Clock clock;

	DecorationInspections(JdbcTemplate jdbc, Decorations decorations, DecorationSupervision supervision,
			DecorationViolations violations, DecorationJournal journal, RuntimeService runtimeService,
			EngineAsSystem asSystem, Clock clock) {
		this.jdbc = jdbc;
		this.decorations = decorations;
		this.supervision = supervision;
		this.violations = violations;
		this.journal = journal;
		this.runtimeService = runtimeService;
		this.asSystem = asSystem;
		this.clock = clock;
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
				       inspected_at = ? where id = ? and decoration_id = ? and status = 'DUE'""", ChecklistItem.names(failedItems),
				violation ? "VIOLATION" : failedItems.isEmpty() ? "OK" : "ISSUES",
				notes == null || notes.length() <= 1000 ? notes : notes.substring(0, 1000), inspectedBy,
				Timestamp.from(clock.instant()), id, decoration.id());
		if (updated == 0) {
			throw new IllegalStateException("装修 " + decoration.number() + " 没有待完成的巡检 " + inspectionId);
		}
	}

	/** Reception records that the owner applies for the completion inspection (竣工验收). */
	@Transactional
	void applyForCompletion(String number, Staff staff) {
		staff.require("只有接待员可以受理竣工验收申请", StaffGroup.RECEPTION);
		Decoration decoration = supervision.underway(number, staff);
		if (decoration.status() == DecorationStatus.STOPPED || violations.openViolations(decoration.id()) > 0) {
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
		Decoration decoration = decorations.byNumber(number, staff.estateId());
		if (decoration.status() != DecorationStatus.ACCEPTED) {
			throw new ConflictException("只能在验收后的观察期内登记异议（装修 " + number + " 现在：" + decoration.status().label() + "）");
		}
		DecorationSupervision.checkText(description, "异议内容");
		jdbc.update("insert into decoration_objection (decoration_id, description, raised_by, raised_at) values (?, ?, ?, ?)",
				decoration.id(), description.strip(), staff.id(), Timestamp.from(clock.instant()));
		journal.record(decoration.id(), "登记观察期异议", staff.id(), description.strip());
	}

}
