package cn.tianxiacheng.servicecenter.repairplan;

import cn.tianxiacheng.servicecenter.journal.StepJournal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The story of a repair plan: every completed task of {@code RepairPlanProcess}, from the engine's task events. */
@Component
class RepairPlanSteps {

	private final StepJournal journal;

	RepairPlanSteps(StepJournal journal) {
		this.journal = journal;
	}

	@EventListener(condition = "#task.eventName == 'complete' and #task.processDefinitionId.startsWith('"
			+ RepairPlanProcess.KEY + ":')")
	void onTaskCompleted(DelegateTask task) {
		journal.recordTask(task);
	}

}
