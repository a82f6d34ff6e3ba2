package cn.tianxiacheng.servicecenter.release;

import cn.tianxiacheng.servicecenter.release.GoodsReleaseProcess.Var;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记经理决定 ({@code Task_RecordManagerDecision}), after the decision's commit: a move-out with
 * arrears leaves only when a manager decided so.
 */
@Component
class RecordMoveOutDecisionDelegate implements JavaDelegate {

	private final ReleasePasses passes;

	private final CompletedTasks completedTasks;

	RecordMoveOutDecisionDelegate(ReleasePasses passes, CompletedTasks completedTasks) {
		this.passes = passes;
		this.completedTasks = completedTasks;
	}

	@Override
	public void execute(DelegateExecution execution) {
		completedTasks.completedByItsGroup(execution, GoodsReleaseProcess.Element.DECIDE_MOVE_OUT);
		boolean approved = Boolean.TRUE.equals(execution.getVariable(Var.MANAGER_APPROVED));
		passes.recordManagerDecision(passes.byNumber(execution.getProcessBusinessKey()).id(), approved);
		execution.setVariable(Var.MANAGER_APPROVED, approved);
	}

}
