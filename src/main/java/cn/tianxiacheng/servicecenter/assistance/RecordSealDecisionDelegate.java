package cn.tianxiacheng.servicecenter.assistance;

import cn.tianxiacheng.servicecenter.assistance.AssistanceRequestProcess.Element;
import cn.tianxiacheng.servicecenter.assistance.AssistanceRequestProcess.Var;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记用印审批 ({@code Task_RecordSealDecision}), after the approval's commit: the seal counts only
 * when a manager approved it; the certificate is then numbered and dated.
 */
@Component
class RecordSealDecisionDelegate implements JavaDelegate {

	private final AssistanceRequests requests;

	private final Certificates certificates;

	private final CompletedTasks completedTasks;

	RecordSealDecisionDelegate(AssistanceRequests requests, Certificates certificates, CompletedTasks completedTasks) {
		this.requests = requests;
		this.certificates = certificates;
		this.completedTasks = completedTasks;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String manager = completedTasks.completedByItsGroup(execution, Element.APPROVE_SEAL);
		String number = execution.getProcessBusinessKey();
		boolean approved = Boolean.TRUE.equals(execution.getVariable(Var.SEAL_APPROVED));
		if (approved) {
			certificates.issue(number, manager);
			requests.changeStatus(number, AssistanceStatus.READY);
		}
		else {
			requests.changeStatus(number, AssistanceStatus.SEAL_REFUSED);
		}
		execution.setVariable(Var.SEAL_APPROVED, approved);
	}

}
