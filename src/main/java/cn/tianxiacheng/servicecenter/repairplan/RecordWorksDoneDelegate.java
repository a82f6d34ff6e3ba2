package cn.tianxiacheng.servicecenter.repairplan;

import cn.tianxiacheng.servicecenter.repairplan.RepairPlanProcess.Element;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 登记竣工 ({@code Task_RecordWorksDone}): engineering reported the works done; they await acceptance. */
@Component
class RecordWorksDoneDelegate implements JavaDelegate {

	private final RepairPlans plans;

	private final CompletedTasks completedTasks;

	RecordWorksDoneDelegate(RepairPlans plans, CompletedTasks completedTasks) {
		this.plans = plans;
		this.completedTasks = completedTasks;
	}

	@Override
	public void execute(DelegateExecution execution) {
		completedTasks.completedByItsGroup(execution, Element.CARRY_OUT_WORKS);
		String number = execution.getProcessBusinessKey();
		if (!plans.isReadyForAcceptance(number)) {
			throw new IllegalStateException("维修计划 " + number + " 未登记完成进度 100%，不能报竣工");
		}
		plans.worksDone(number);
	}

}
