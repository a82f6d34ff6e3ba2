package cn.tianxiacheng.servicecenter.archive;

import java.time.Instant;

import cn.tianxiacheng.servicecenter.archive.ArchiveAccessProcess.Var;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记审批结果 ({@code Task_RecordDecision}), after the approval's commit: the manager's decision
 * counts only when a manager completed the approval task; an approval sets {@code validUntil}
 * for the expiry timer.
 */
@Component
class RecordArchiveAccessDecisionDelegate implements JavaDelegate {

	private final ArchiveAccesses accesses;

	private final CompletedTasks completedTasks;

	RecordArchiveAccessDecisionDelegate(ArchiveAccesses accesses, CompletedTasks completedTasks) {
		this.accesses = accesses;
		this.completedTasks = completedTasks;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String manager = completedTasks.completedByItsGroup(execution, ArchiveAccessProcess.Element.APPROVE_ACCESS);
		boolean approved = Boolean.TRUE.equals(execution.getVariable(Var.APPROVED));
		Instant validUntil = accesses.decide(ArchiveAccessProcess.accessId(execution.getProcessBusinessKey()), approved,
				manager);
		execution.setVariable(Var.APPROVED, approved);
		execution.setVariable(Var.VALID_UNTIL, validUntil == null ? null : validUntil.toString());
	}

}
