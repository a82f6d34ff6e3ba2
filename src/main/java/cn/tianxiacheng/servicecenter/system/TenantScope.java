package cn.tianxiacheng.servicecenter.system;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.modulith.NamedInterface;

/**
 * What of the engine an estate's staff see when the app reads it as the system: the instances,
 * tasks and incidents of their estate's tenant and those of no estate (a timer's), as the engine's
 * own tenant check shows them.
 */
@NamedInterface("engine")
public final class TenantScope {

	private TenantScope() {
	}

	/** The engine tenant of the estate the staff member works in now (403 for one who works in none). */
	public static String of(Staff staff) {
		return staff.workingEstate().code();
	}

	public static boolean shows(String recordTenant, String estateTenant) {
		return recordTenant == null || recordTenant.equals(estateTenant);
	}

	/**
	 * Whether the staff member the engine is told of now sees a record of the tenant; with nobody
	 * told (the system itself), every record.
	 */
	static boolean callerSees(IdentityService identityService, String recordTenant) {
		Authentication caller = identityService.getCurrentAuthentication();
		List<String> tenants = caller == null ? null : caller.getTenantIds();
		return caller == null || recordTenant == null || tenants != null && tenants.contains(recordTenant);
	}

}
