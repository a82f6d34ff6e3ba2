package cn.tianxiacheng.servicecenter.archive;

import java.time.Instant;

import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code ArchiveAccessProcess}: each records one step on the access it
 * finds by the process's business key.
 */
final class ArchiveAccessDelegates {

	private ArchiveAccessDelegates() {
	}

	private static long accessId(DelegateExecution execution) {
		return ArchiveAccessProcess.accessId(execution.getProcessBusinessKey());
	}

	/**
	 * The manager's decision, after the approval's commit: it counts only when a manager
	 * completed the approval task; an approval sets {@code validUntil} for the expiry timer.
	 */
	@Component("recordArchiveAccessDecisionDelegate")
	static class RecordDecision implements JavaDelegate {

		private final ArchiveAccesses accesses;

		private final CompletedTasks completedTasks;

		RecordDecision(ArchiveAccesses accesses, CompletedTasks completedTasks) {
			this.accesses = accesses;
			this.completedTasks = completedTasks;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String manager = completedTasks.completedByItsGroup(execution, ArchiveAccessProcess.Element.APPROVE_ACCESS);
			boolean approved = Boolean.TRUE.equals(execution.getVariable(ArchiveAccessProcess.Var.APPROVED));
			Instant validUntil = accesses.decide(accessId(execution), approved, manager);
			execution.setVariable(ArchiveAccessProcess.Var.APPROVED, approved);
			execution.setVariable(ArchiveAccessProcess.Var.VALID_UNTIL, validUntil == null ? null : validUntil.toString());
		}

	}

	@Component("expireArchiveAccessDelegate")
	static class Expire implements JavaDelegate {

		private final ArchiveAccesses accesses;

		Expire(ArchiveAccesses accesses) {
			this.accesses = accesses;
		}

		@Override
		public void execute(DelegateExecution execution) {
			accesses.expire(accessId(execution));
		}

	}

	@Component("recordArchiveReturnDelegate")
	static class RecordReturn implements JavaDelegate {

		private final ArchiveAccesses accesses;

		RecordReturn(ArchiveAccesses accesses) {
			this.accesses = accesses;
		}

		@Override
		public void execute(DelegateExecution execution) {
			execution.setVariable("returnedLate", accesses.returned(accessId(execution)));
		}

	}

}
