package cn.tianxiacheng.servicecenter.evaluation;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The supervisor's judged items and comment go onto the sheet (found by the process's business
 * key) as the task completes; out-of-range scores are refused and change nothing.
 */
@Component("evaluationScoresListener")
class SupervisorScoresListener implements TaskListener {

	private final EvaluationSheets sheets;

	SupervisorScoresListener(EvaluationSheets sheets) {
		this.sheets = sheets;
	}

	@Override
	public void notify(DelegateTask task) {
		String number = task.getExecution().getProcessBusinessKey();
		sheets.judge(number, judged(task), (String) task.getVariable("comment"), task.getAssignee(), "SCORED");
		task.getExecution().setVariable("summary", sheets.summary(number));
	}

	static Map<String, Object> judged(DelegateTask task) {
		Map<String, Object> judged = new HashMap<>();
		judged.put("ATTITUDE", task.getVariable("attitude"));
		judged.put("APPEARANCE", task.getVariable("appearance"));
		judged.put("TRAINING", task.getVariable("training"));
		return judged;
	}

}
