package cn.tianxiacheng.servicecenter.inspection;

import cn.tianxiacheng.servicecenter.journal.StepJournal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The story of a round: every completed task of {@code InspectionRoundProcess}, from the engine's task events. */
@Component
class RoundSteps {

	private final StepJournal journal;

	RoundSteps(StepJournal journal) {
		this.journal = journal;
	}

	@EventListener(condition = "#task.eventName == 'complete' and #task.processDefinitionId.startsWith('"
			+ InspectionRoundProcess.KEY + ":')")
	void onTaskCompleted(DelegateTask task) {
		journal.recordTask(task);
	}

}
