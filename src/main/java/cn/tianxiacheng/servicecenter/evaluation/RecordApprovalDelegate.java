package cn.tianxiacheng.servicecenter.evaluation;

import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The sheet is approved only when a director completed the approval task. */
@Component("recordEvaluationApprovalDelegate")
class RecordApprovalDelegate implements JavaDelegate {

	private final EvaluationSheets sheets;

	private final CompletedTasks completedTasks;

	RecordApprovalDelegate(EvaluationSheets sheets, CompletedTasks completedTasks) {
		this.sheets = sheets;
		this.completedTasks = completedTasks;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String director = completedTasks.completedByItsGroup(execution, StaffEvaluationProcess.Element.DIRECTOR_APPROVES);
		sheets.approve(execution.getProcessBusinessKey(), director);
	}

}
