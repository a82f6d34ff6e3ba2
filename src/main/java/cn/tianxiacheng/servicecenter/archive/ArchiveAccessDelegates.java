package cn.tianxiacheng.servicecenter.archive;

import java.time.Instant;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code ArchiveAccessProcess}: each records one step on the access.
 */
final class ArchiveAccessDelegates {

	private ArchiveAccessDelegates() {
	}

	private static long accessId(DelegateExecution execution) {
		return ((Number) execution.getVariable("accessId")).longValue();
	}

	/** The manager's decision; an approval sets {@code validUntil} for the expiry timer. */
	@Component("recordArchiveAccessDecisionDelegate")
	static class RecordDecision implements JavaDelegate {

		private final ArchiveAccesses accesses;

		private final IdentityService identityService;

		RecordDecision(ArchiveAccesses accesses, IdentityService identityService) {
			this.accesses = accesses;
			this.identityService = identityService;
		}

		/** Runs in the manager's completion of the approval task: the manager is the caller. */
		@Override
		public void execute(DelegateExecution execution) {
			boolean approved = Boolean.TRUE.equals(execution.getVariable("approved"));
			var caller = identityService.getCurrentAuthentication();
			Instant validUntil = accesses.decide(accessId(execution), approved, caller == null ? "system" : caller.getUserId());
			execution.setVariable("approved", approved);
			execution.setVariable("validUntil", validUntil == null ? null : validUntil.toString());
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
