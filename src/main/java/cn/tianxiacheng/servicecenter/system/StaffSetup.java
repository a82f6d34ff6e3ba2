package cn.tianxiacheng.servicecenter.system;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start, idempotently and one node at a time ({@link SetupLock}): the staff groups and their authorizations,
 * no demo password where they are not allowed, the administrator,
 * the demo staff where enabled, the estates' engine tenants and the Tasklist filters.
 */
@Component
@Order(0)
class StaffSetup implements ApplicationRunner {

	private final StaffDirectory directory;

	private final CamundaAuthorizations authorizations;

	private final TasklistFilters filters;

	private final AdminAccountProperties admin;

	private final DemoProperties demo;

	private final SetupLock lock;

	private final EstateTenants tenants;

	StaffSetup(StaffDirectory directory, CamundaAuthorizations authorizations, TasklistFilters filters,
			AdminAccountProperties admin, DemoProperties demo, SetupLock lock, EstateTenants tenants) {
		this.tenants = tenants;
		this.directory = directory;
		this.authorizations = authorizations;
		this.filters = filters;
		this.admin = admin;
		this.demo = demo;
		this.lock = lock;
	}

	@Override
	public void run(ApplicationArguments args) {
		lock.run(() -> {
			directory.ensureGroups();
			authorizations.ensureStaffAuthorizations();
			if (!demo.passwordsAllowed()) {
				directory.refuseDemoPasswords(admin);
			}
			directory.ensureAdmin(admin);
			if (demo.users()) {
				directory.ensureDemoUsers();
			}
			tenants.ensureAll();
			filters.ensureFilters();
		});
	}

}
