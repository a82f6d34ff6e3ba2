package cn.tianxiacheng.servicecenter.repairplan;

import java.math.BigDecimal;

import cn.tianxiacheng.servicecenter.journal.Journal;
import cn.tianxiacheng.servicecenter.journal.StepJournal;
import cn.tianxiacheng.servicecenter.repairplan.RepairPlanProcess.Element;
import cn.tianxiacheng.servicecenter.repairplan.RepairPlanProcess.Var;
import cn.tianxiacheng.servicecenter.repairplan.RepairPlans.Plan;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记验收与决算 ({@code Task_RecordAcceptance}), after the director's commit: passed, the final
 * account is set against the budget from the record, the variance kept to the fen with its
 * explanation, and the cost entered as an expense; failed, the works go on.
 */
@Component
class RecordRepairAcceptanceDelegate implements JavaDelegate {

	private final RepairPlans plans;

	private final CompletedTasks completedTasks;

	private final StepJournal journal;

	RecordRepairAcceptanceDelegate(RepairPlans plans, CompletedTasks completedTasks, StepJournal journal) {
		this.plans = plans;
		this.completedTasks = completedTasks;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String director = completedTasks.completedByItsGroup(execution, Element.ACCEPT_WORKS);
		String number = execution.getProcessBusinessKey();
		boolean accepted = Boolean.TRUE.equals(execution.getVariable(Var.ACCEPTED));
		if (accepted) {
			Plan plan = plans.byNumber(number);
			Object explanation = execution.getVariable(Var.VARIANCE_EXPLANATION);
			BigDecimal finalAccount = plans.finalAccount(plan, execution.getVariable(Var.FINAL_ACCOUNT), explanation);
			plans.accept(number, finalAccount, explanation == null ? null : explanation.toString(), director,
					execution.getTenantId());
		}
		else {
			plans.sentBack(number);
		}
		execution.setVariable(Var.ACCEPTED, accepted);
		execution.setVariable(Journal.RECENT_STEPS, journal.recentSteps(number));
	}

}
