package cn.tianxiacheng.servicecenter.repairplan;

import cn.tianxiacheng.servicecenter.journal.Journal;
import cn.tianxiacheng.servicecenter.journal.StepJournal;
import cn.tianxiacheng.servicecenter.repairplan.RepairPlanProcess.Element;
import cn.tianxiacheng.servicecenter.repairplan.RepairPlanProcess.Var;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记征求意见结果 ({@code Task_RecordConsultation}): the manager's record of the consultation counts
 * when a manager completed it; agreed, the works start, otherwise the plan ends.
 */
@Component
class RecordConsultationDelegate implements JavaDelegate {

	private final RepairPlans plans;

	private final CompletedTasks completedTasks;

	private final StepJournal journal;

	RecordConsultationDelegate(RepairPlans plans, CompletedTasks completedTasks, StepJournal journal) {
		this.plans = plans;
		this.completedTasks = completedTasks;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String manager = completedTasks.completedByItsGroup(execution, Element.CONSULT);
		String number = execution.getProcessBusinessKey();
		boolean agreed = Boolean.TRUE.equals(execution.getVariable(Var.CONSULTATION_AGREED));
		plans.consulted(number, agreed);
		journal.record(number, agreed ? "征求意见：同意实施" : "征求意见：不同意实施", manager,
				"征求意见对象：" + execution.getVariable(Var.CONSULTED_WITH));
		execution.setVariable(Journal.RECENT_STEPS, journal.recentSteps(number));
		execution.setVariable(Var.CONSULTATION_AGREED, agreed);
	}

}
