package cn.tianxiacheng.servicecenter.decoration;

import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Element;
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记业主意见 ({@code Task_RecordOwnerConsent}): a tenant's or agent's application goes on only
 * with the owner's consent, as reception recorded it; without it the application ends.
 */
@Component
class RecordOwnerConsentDelegate implements JavaDelegate {

	private final Decorations decorations;

	private final CompletedTasks completedTasks;

	RecordOwnerConsentDelegate(Decorations decorations, CompletedTasks completedTasks) {
		this.decorations = decorations;
		this.completedTasks = completedTasks;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Decoration decoration = decorations.byNumber(execution.getProcessBusinessKey());
		if (decoration.status() != DecorationStatus.APPLIED) {
			throw new IllegalStateException("装修 " + decoration.number() + " 已是“" + decoration.status().label() + "”");
		}
		String receptionist = completedTasks.completedByItsGroup(execution, Element.OBTAIN_OWNER_CONSENT);
		boolean given = "GIVEN".equals(execution.getVariable(Var.OWNER_CONSENT));
		decorations.recordConsent(decoration.id(), given, receptionist);
		if (!given) {
			decorations.changeStatus(decoration.id(), DecorationStatus.NO_CONSENT);
		}
		execution.setVariable(Var.OWNER_CONSENTED, given);
	}

}
