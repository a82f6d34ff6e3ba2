package cn.tianxiacheng.servicecenter.assistance;

import cn.tianxiacheng.servicecenter.assistance.AssistanceRequestProcess.Element;
import cn.tianxiacheng.servicecenter.assistance.AssistanceRequestProcess.Var;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记核验结果 ({@code Task_RecordVerification}), after the check's commit: it counts only when a
 * receptionist completed it; a requester who is not the owner on record ends the request.
 */
@Component
class RecordRequesterVerificationDelegate implements JavaDelegate {

	private final AssistanceRequests requests;

	private final CompletedTasks completedTasks;

	RecordRequesterVerificationDelegate(AssistanceRequests requests, CompletedTasks completedTasks) {
		this.requests = requests;
		this.completedTasks = completedTasks;
	}

	@Override
	public void execute(DelegateExecution execution) {
		completedTasks.completedByItsGroup(execution, Element.VERIFY_REQUESTER);
		boolean verified = Boolean.TRUE.equals(execution.getVariable(Var.REQUESTER_VERIFIED));
		if (!verified) {
			requests.changeStatus(execution.getProcessBusinessKey(), AssistanceStatus.REFUSED);
		}
		execution.setVariable(Var.REQUESTER_VERIFIED, verified);
	}

}
