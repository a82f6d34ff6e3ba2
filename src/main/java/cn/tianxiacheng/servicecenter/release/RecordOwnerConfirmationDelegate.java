package cn.tianxiacheng.servicecenter.release;

import java.util.Set;

import cn.tianxiacheng.servicecenter.release.GoodsReleaseProcess.Var;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记业主确认 ({@code Task_RecordOwnerConfirmation}), after the confirmation's commit: how the
 * owner confirmed counts only when reception recorded it.
 */
@Component
class RecordOwnerConfirmationDelegate implements JavaDelegate {

	private static final Set<String> CONFIRMED = Set.of("IN_PERSON", "PHONE", "WRITTEN");

	private final ReleasePasses passes;

	private final CompletedTasks completedTasks;

	RecordOwnerConfirmationDelegate(ReleasePasses passes, CompletedTasks completedTasks) {
		this.passes = passes;
		this.completedTasks = completedTasks;
	}

	@Override
	public void execute(DelegateExecution execution) {
		completedTasks.completedByItsGroup(execution, GoodsReleaseProcess.Element.CONFIRM_WITH_OWNER);
		String confirmation = String.valueOf(execution.getVariable(Var.OWNER_CONFIRMATION));
		boolean confirmed = CONFIRMED.contains(confirmation);
		passes.recordOwnerConfirmation(passes.byNumber(execution.getProcessBusinessKey()).id(),
				confirmed ? confirmation : "DECLINED");
		execution.setVariable(Var.OWNER_CONFIRMED, confirmed);
	}

}
