package cn.tianxiacheng.servicecenter.evaluation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The appeal's decision: the scores upheld, or changed to the ones given now. */
@Component("evaluationAppealListener")
class AppealDecisionListener implements TaskListener {

	private final EvaluationSheets sheets;

	AppealDecisionListener(EvaluationSheets sheets) {
		this.sheets = sheets;
	}

	@Override
	public void notify(DelegateTask task) {
		String number = task.getExecution().getProcessBusinessKey();
		sheets.decideAppeal(number, "CHANGE".equals(task.getVariable("appealDecision")), SupervisorScoresListener.judged(task),
				(String) task.getVariable("appealComment"), task.getAssignee());
		task.getExecution().setVariable("summary", sheets.summary(number));
	}

}
