package cn.tianxiacheng.servicecenter.repairplan;

import cn.tianxiacheng.servicecenter.repairplan.RepairPlanProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * An acceptance that passes must give the final account to the fen, and explain it whenever it
 * differs from the budget: otherwise the completion is refused (400, the difference named) and
 * nothing changes.
 */
@Component("repairAcceptanceListener")
class RepairAcceptanceListener implements TaskListener {

	private final RepairPlans plans;

	RepairAcceptanceListener(RepairPlans plans) {
		this.plans = plans;
	}

	@Override
	public void notify(DelegateTask task) {
		if (Boolean.TRUE.equals(task.getVariable(Var.ACCEPTED))) {
			plans.finalAccount(plans.byNumber(task.getExecution().getProcessBusinessKey()),
					task.getVariable(Var.FINAL_ACCOUNT), task.getVariable(Var.VARIANCE_EXPLANATION));
		}
	}

}
