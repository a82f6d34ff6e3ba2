package cn.tianxiacheng.servicecenter.system;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Each estate is a tenant of the engine (id its code, name its name), so its process instances, tasks
 * and history are seen only by its members. Created with the estate; at the first estate's creation,
 * staff who worked before there were estates become its members.
 */
@Component
@NamedInterface("security")
public class EstateTenants {

	private static final Logger log = LoggerFactory.getLogger(EstateTenants.class);

	private final IdentityService identityService;

	private final EstateDirectory estates;

	private final StaffDirectory directory;

	private final DemoProperties demo;

	EstateTenants(IdentityService identityService, EstateDirectory estates, StaffDirectory directory,
			DemoProperties demo) {
		this.identityService = identityService;
		this.estates = estates;
		this.directory = directory;
		this.demo = demo;
	}

	void ensureAll() {
		estates.all().forEach(this::ensure);
	}

	/** Creates the estate's tenant once, with its members. */
	public void ensure(EstateRef estate) {
		if (identityService.createTenantQuery().tenantId(estate.code()).count() > 0) {
			return;
		}
		Tenant tenant = identityService.newTenant(estate.code());
		tenant.setName(estate.name());
		identityService.saveTenant(tenant);
		List<EstateRef> all = estates.all();
		if (!all.isEmpty() && all.get(0).code().equals(estate.code())) {
			for (User user : identityService.createUserQuery().list()) {
				if (!directory.isDemoUser(user.getId())
						&& identityService.createTenantQuery().userMember(user.getId()).count() == 0) {
					identityService.createTenantUserMembership(estate.code(), user.getId());
				}
			}
		}
		if (demo.users()) {
			for (String userId : directory.demoUsersIn(estate.code())) {
				identityService.createTenantUserMembership(estate.code(), userId);
			}
		}
		log.info("Created the engine tenant of estate {}", estate.code());
	}

}
