package cn.tianxiacheng.servicecenter.decoration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Element;
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记巡检结果 ({@code Task_RecordInspection}): the checklist engineering filled in (items left
 * unticked are wanting) goes to the inspection's row; a violation found is recorded, and its
 * rectification opens after the commit.
 */
@Component
class RecordInspectionDelegate implements JavaDelegate {

	/** The longest time to rectify that the inspection form allows ({@code decoration-site-inspection.form}). */
	static final long MAX_RECTIFY_DAYS = 30;

	private final Decorations decorations;

	private final DecorationInspections inspections;

	private final DecorationViolations violations;

	private final CompletedTasks completedTasks;

	private final DecorationJournal journal;

	private final Clock clock;

	RecordInspectionDelegate(Decorations decorations, DecorationInspections inspections,
			DecorationViolations violations, CompletedTasks completedTasks, DecorationJournal journal, Clock clock) {
		this.decorations = decorations;
		this.inspections = inspections;
		this.violations = violations;
		this.completedTasks = completedTasks;
		this.journal = journal;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Decoration decoration = decorations.byNumber(execution.getProcessBusinessKey());
		String engineer = completedTasks.completedByItsGroup(execution, Element.INSPECT_SITE);
		Set<ChecklistItem> wanting = EnumSet.noneOf(ChecklistItem.class);
		for (ChecklistItem item : ChecklistItem.values()) {
			if (!Boolean.TRUE.equals(execution.getVariable(item.field()))) {
				wanting.add(item);
			}
		}
		boolean violation = "VIOLATION".equals(execution.getVariable(Var.INSPECTION_RESULT));
		Object notes = execution.getVariable(Var.INSPECTION_NOTES);
		inspections.recordInspection(decoration, execution.getVariable(Var.INSPECTION_ID), wanting, violation,
				notes == null ? null : notes.toString(), engineer);
		journal.note(execution, decoration.id(), "巡检结果",
				(violation ? "发现违章" : wanting.isEmpty() ? "正常" : "需注意：" + ChecklistItem.labels(wanting))
						+ (notes == null ? "" : "。" + notes));
		if (violation) {
			Object days = execution.getVariable(Var.RECTIFY_WITHIN_DAYS);
			boolean whole = days instanceof Integer || days instanceof Long;
			if (days != null && (!whole || ((Number) days).longValue() < 1 || ((Number) days).longValue() > MAX_RECTIFY_DAYS)) {
				throw new BadInputException("“整改期限（天）”应为 1 到 " + MAX_RECTIFY_DAYS + " 的整数");
			}
			violations.recordViolation(decoration, "INSPECTION", null,
					String.valueOf(execution.getVariable(Var.VIOLATION_DESCRIPTION)).strip(),
					Boolean.TRUE.equals(execution.getVariable(Var.VIOLATION_SERIOUS)),
					LocalDate.now(clock).plusDays(days instanceof Number n ? n.longValue() : 3), engineer);
		}
	}

}
