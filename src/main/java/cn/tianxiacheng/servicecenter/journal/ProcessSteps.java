package cn.tianxiacheng.servicecenter.journal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;

/**
 * What hands {@link StepJournal} the completed tasks of one process, from the engine's task
 * events: the package that owns the process makes one, naming its key.
 */
public abstract class ProcessSteps {

	private final StepJournal journal;

	private final String processKey;

	protected ProcessSteps(StepJournal journal, String processKey) {
		this.journal = journal;
		this.processKey = processKey;
	}

	@EventListener(condition = "#task.eventName == 'complete'")
	void onTaskCompleted(DelegateTask task) {
		if (task.getProcessDefinitionId().startsWith(processKey + ":")) {
			journal.recordTask(task);
		}
	}

}
