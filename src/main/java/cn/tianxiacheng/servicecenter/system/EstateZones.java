package cn.tianxiacheng.servicecenter.system;

import java.time.ZoneId;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.context.ExecutionContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The time zone of an estate, and of the estate the code runs for now: the tenant of the process
 * instance the engine is executing, else the estate the system acts in ({@link EngineAsSystem#callIn}),
 * else the one the signed-in staff member works in; outside all of them (a company's timer run, start-up),
 * the company's zone.
 */
final class EstateZones {

	private final ZoneId company;

	private final ObjectProvider<EstateDirectory> estates;

	EstateZones(ZoneId company, ObjectProvider<EstateDirectory> estates) {
		this.company = company;
		this.estates = estates;
	}

	/** The estate's zone by its code (the engine's tenant id); none: the company's. */
	ZoneId of(String estateCode) {
		return estateCode == null ? company : estates.getObject().zone(estateCode).orElse(company);
	}

	ZoneId current() {
		return of(currentEstate());
	}

	private static String currentEstate() {
		if (Context.getCoreExecutionContext() instanceof ExecutionContext executing && executing.getExecution() != null
				&& executing.getExecution().getTenantId() != null) {
			return executing.getExecution().getTenantId();
		}
		String actingIn = EngineAsSystem.actingInTenant();
		if (actingIn != null) {
			return actingIn;
		}
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		return signedIn != null && signedIn.getPrincipal() instanceof StaffPrincipal staff && staff.current() != null
				? staff.current().code() : null;
	}

}
