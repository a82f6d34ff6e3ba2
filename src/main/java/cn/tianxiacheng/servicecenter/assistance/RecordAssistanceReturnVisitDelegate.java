package cn.tianxiacheng.servicecenter.assistance;

import cn.tianxiacheng.servicecenter.assistance.AssistanceRequestProcess.Element;
import cn.tianxiacheng.servicecenter.assistance.AssistanceRequestProcess.Var;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 登记回访 ({@code Task_RecordReturnVisit}): the owner's satisfaction, and the request is closed. */
@Component
class RecordAssistanceReturnVisitDelegate implements JavaDelegate {

	private final AssistanceRequests requests;

	private final CompletedTasks completedTasks;

	RecordAssistanceReturnVisitDelegate(AssistanceRequests requests, CompletedTasks completedTasks) {
		this.requests = requests;
		this.completedTasks = completedTasks;
	}

	@Override
	public void execute(DelegateExecution execution) {
		completedTasks.completedByItsGroup(execution, Element.RETURN_VISIT);
		Integer satisfaction = execution.getVariable(Var.SATISFACTION) instanceof String score && score.matches("[1-5]")
				? Integer.valueOf(score) : null;
		requests.closed(execution.getProcessBusinessKey(), satisfaction);
	}

}
