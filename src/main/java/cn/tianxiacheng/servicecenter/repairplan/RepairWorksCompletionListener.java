package cn.tianxiacheng.servicecenter.repairplan;

import cn.tianxiacheng.servicecenter.system.BadInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The works are reported done only once their progress is recorded at 100 % (since they were last
 * sent back): otherwise the completion is refused (400, in Chinese) and nothing changes.
 */
@Component("repairWorksCompletionListener")
class RepairWorksCompletionListener implements TaskListener {

	private final RepairPlans plans;

	RepairWorksCompletionListener(RepairPlans plans) {
		this.plans = plans;
	}

	@Override
	public void notify(DelegateTask task) {
		if (!plans.isReadyForAcceptance(task.getExecution().getProcessBusinessKey())) {
			throw new BadInputException("请先在维修计划页面登记施工进度至 100%，再报竣工");
		}
	}

}
