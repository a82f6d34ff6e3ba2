package cn.tianxiacheng.servicecenter.system;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls as the system, not as the staff member whose request triggered them: a
 * process the app starts after checking the request itself (a case, a move-in, an archive
 * access) or a payment that ends a dunning case is the application's act. Camunda's
 * authorizations and the staff guard do not apply, and the caller's authentication is
 * restored after. What it starts belongs to the estate the caller works in ({@link EstateTenantPlugin}).
 */
@Component
@NamedInterface("engine")
public class EngineAsSystem {

	private static final ThreadLocal<String> ACTING_IN_TENANT = new ThreadLocal<>();

	private final IdentityService identityService;

	EngineAsSystem(IdentityService identityService) {
		this.identityService = identityService;
	}

	public void run(Runnable engineCalls) {
		call(() -> {
			engineCalls.run();
			return null;
		});
	}

	public <T> T call(Supplier<T> engineCalls) {
		Authentication caller = identityService.getCurrentAuthentication();
		List<String> callersTenants = caller == null ? null : caller.getTenantIds();
		return call(callersTenants != null && callersTenants.size() == 1 ? callersTenants.get(0) : null, engineCalls);
	}

	/**
	 * Runs engine calls as the system for the estate: what they start belongs to it. For the company's work
	 * that a timer starts and that is then done estate by estate.
	 */
	public <T> T callIn(EstateRef estate, Supplier<T> engineCalls) {
		return call(estate.code(), engineCalls);
	}

	private <T> T call(String tenantId, Supplier<T> engineCalls) {
		Authentication caller = identityService.getCurrentAuthentication();
		String outerTenant = ACTING_IN_TENANT.get();
		if (tenantId != null) {
			ACTING_IN_TENANT.set(tenantId);
		}
		identityService.clearAuthentication();
		try {
			return engineCalls.get();
		}
		finally {
			ACTING_IN_TENANT.set(outerTenant);
			if (caller != null) {
				identityService.setAuthentication(caller);
			}
		}
	}

	/** The tenant of the staff member the system is acting for now, if any. */
	static String actingInTenant() {
		return ACTING_IN_TENANT.get();
	}

}
