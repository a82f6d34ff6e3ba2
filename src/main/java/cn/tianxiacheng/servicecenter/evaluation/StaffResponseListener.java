package cn.tianxiacheng.servicecenter.evaluation;

import cn.tianxiacheng.servicecenter.evaluation.StaffEvaluationProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The staff member confirms the sheet or appeals with a reason (required). */
@Component("evaluationResponseListener")
class StaffResponseListener implements TaskListener {

	private final EvaluationSheets sheets;

	StaffResponseListener(EvaluationSheets sheets) {
		this.sheets = sheets;
	}

	@Override
	public void notify(DelegateTask task) {
		String number = task.getExecution().getProcessBusinessKey();
		sheets.respond(number, "APPEAL".equals(task.getVariable(Var.RESPONSE)), (String) task.getVariable("appealReason"));
		task.getExecution().setVariable("summary", sheets.summary(number));
	}

}
