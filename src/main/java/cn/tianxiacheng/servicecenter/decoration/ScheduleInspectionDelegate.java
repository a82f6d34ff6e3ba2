package cn.tianxiacheng.servicecenter.decoration;

import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 安排巡检 ({@code Task_ScheduleInspection}): an inspection is due; its row and its form's fields
 * are local to this inspection, so inspections that overlap keep their own results.
 */
@Component
class ScheduleInspectionDelegate implements JavaDelegate {

	static final String[] FIELDS = { Var.INSPECTION_RESULT, Var.INSPECTION_NOTES, Var.VIOLATION_DESCRIPTION,
			Var.VIOLATION_SERIOUS, Var.RECTIFY_WITHIN_DAYS };

	private final Decorations decorations;

	private final DecorationInspections inspections;

	ScheduleInspectionDelegate(Decorations decorations, DecorationInspections inspections) {
		this.decorations = decorations;
		this.inspections = inspections;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Decoration decoration = decorations.byNumber(execution.getProcessBusinessKey());
		execution.setVariableLocal(Var.INSPECTION_ID, inspections.scheduleInspection(decoration));
		for (String field : FIELDS) {
			execution.setVariableLocal(field, null);
		}
		for (ChecklistItem item : ChecklistItem.values()) {
			execution.setVariableLocal(item.field(), null);
		}
	}

}
