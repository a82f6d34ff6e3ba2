package cn.tianxiacheng.servicecenter.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls as the system, not as the staff member whose request triggered them (a
 * payment that ends a dunning case is the ledger's act, not the cashier's): Camunda's
 * authorizations do not apply, and the caller's authentication is restored after.
 */
@Component
public class EngineAsSystem {

	private final IdentityService identityService;

	EngineAsSystem(IdentityService identityService) {
		this.identityService = identityService;
	}

	public void run(Runnable engineCalls) {
		Authentication caller = identityService.getCurrentAuthentication();
		identityService.clearAuthentication();
		try {
			engineCalls.run();
		}
		finally {
			if (caller != null) {
				identityService.setAuthentication(caller);
			}
		}
	}

}
