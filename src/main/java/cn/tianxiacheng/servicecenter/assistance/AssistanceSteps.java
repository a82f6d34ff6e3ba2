package cn.tianxiacheng.servicecenter.assistance;

import cn.tianxiacheng.servicecenter.journal.StepJournal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The story of a request for assistance: every completed task of {@code AssistanceRequestProcess}, from the engine's task events. */
@Component
class AssistanceSteps {

	private final StepJournal journal;

	AssistanceSteps(StepJournal journal) {
		this.journal = journal;
	}

	@EventListener(condition = "#task.eventName == 'complete' and #task.processDefinitionId.startsWith('"
			+ AssistanceRequestProcess.KEY + ":')")
	void onTaskCompleted(DelegateTask task) {
		journal.recordTask(task);
	}

}
