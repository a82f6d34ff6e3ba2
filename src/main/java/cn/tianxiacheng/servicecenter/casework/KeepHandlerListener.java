package cn.tianxiacheng.servicecenter.casework;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The same person keeps the case: whoever completed a task ({@code complete} listener) is the
 * {@code handler} that the process assigns its next step to (the engineer who set the appointment
 * does the work without claiming again); the manager can still hand it to someone else.
 */
@Component
class KeepHandlerListener implements TaskListener {

	static final String HANDLER = "handler";

	@Override
	public void notify(DelegateTask task) {
		task.getExecution().setVariable(HANDLER, task.getAssignee());
	}

}
