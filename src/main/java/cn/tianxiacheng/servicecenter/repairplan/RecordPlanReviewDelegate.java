package cn.tianxiacheng.servicecenter.repairplan;

import cn.tianxiacheng.servicecenter.repairplan.RepairPlanProcess.Element;
import cn.tianxiacheng.servicecenter.repairplan.RepairPlanProcess.Var;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记审核结果 ({@code Task_RecordReview}), after the director's commit: the review counts when a
 * director completed it; whether to consult is read from the plan's budget in the record against
 * the configured threshold, never from a variable.
 */
@Component
class RecordPlanReviewDelegate implements JavaDelegate {

	private final RepairPlans plans;

	private final CompletedTasks completedTasks;

	RecordPlanReviewDelegate(RepairPlans plans, CompletedTasks completedTasks) {
		this.plans = plans;
		this.completedTasks = completedTasks;
	}

	@Override
	public void execute(DelegateExecution execution) {
		completedTasks.completedByItsGroup(execution, Element.REVIEW_PLAN);
		boolean approved = Boolean.TRUE.equals(execution.getVariable(Var.PLAN_APPROVED));
		boolean consult = plans.reviewed(execution.getProcessBusinessKey(), approved);
		execution.setVariable(Var.PLAN_APPROVED, approved);
		execution.setVariable(Var.CONSULTATION_NEEDED, consult);
		execution.setVariable(Var.THRESHOLD, plans.threshold().toPlainString());
	}

}
