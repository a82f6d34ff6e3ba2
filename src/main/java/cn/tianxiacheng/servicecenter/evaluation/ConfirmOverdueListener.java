package cn.tianxiacheng.servicecenter.evaluation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** The staff member did not answer in time: the sheet stands as scored (逾期未确认，视为确认). */
@Component("evaluationConfirmOverdueListener")
class ConfirmOverdueListener implements ExecutionListener {

	private final EvaluationSheets sheets;

	ConfirmOverdueListener(EvaluationSheets sheets) {
		this.sheets = sheets;
	}

	@Override
	public void notify(DelegateExecution execution) {
		sheets.confirmedByTimeout(execution.getProcessBusinessKey());
	}

}
