package cn.tianxiacheng.servicecenter.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates, idempotently, the staff groups, the first administrator and (for a first run) the
 * demo staff in Camunda's identity service. Existing users are never changed: after the first
 * start they belong to Camunda Admin.
 */
@Component
class StaffDirectory {

	static final String DEMO_PASSWORD = "demo";

	private static final String SYSTEM = "SYSTEM";

	private static final String WORKFLOW = "WORKFLOW";

	private static final Logger log = LoggerFactory.getLogger(StaffDirectory.class);

	private record DemoUser(String id, String name, StaffGroup group) {
	}

	private static final List<DemoUser> DEMO_USERS = List.of(new DemoUser("receptionist", "王丽", StaffGroup.RECEPTION),
			new DemoUser("receptionist2", "李娜", StaffGroup.RECEPTION),
			new DemoUser("cashier", "张敏", StaffGroup.CASHIER), new DemoUser("manager", "刘强", StaffGroup.MANAGER),
			new DemoUser("director", "陈建国", StaffGroup.DIRECTOR),
			new DemoUser("engineer", "赵磊", StaffGroup.ENGINEERING), new DemoUser("guard", "孙浩", StaffGroup.SECURITY),
			new DemoUser("cleaner", "周芳", StaffGroup.CLEANING), new DemoUser("auditor", "吴静", StaffGroup.AUDITOR));

	private final IdentityService identityService;

	StaffDirectory(IdentityService identityService) {
		this.identityService = identityService;
	}

	void ensureGroups() {
		for (StaffGroup staffGroup : StaffGroup.values()) {
			ensureGroup(staffGroup.id(), staffGroup.label(), staffGroup == StaffGroup.ADMIN ? SYSTEM : WORKFLOW);
		}
		ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda 管理员", SYSTEM);
	}

	/**
	 * The administrator is also in {@code camunda-admin}: the webapps send everyone to their
	 * "create the first admin" setup page while that group has no member.
	 */
	void ensureAdmin(AdminAccountProperties admin) {
		ensureUser(admin.username(), "管理员", admin.password(), StaffGroup.ADMIN);
		if (identityService.createUserQuery().userId(admin.username()).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
			identityService.createMembership(admin.username(), Groups.CAMUNDA_ADMIN);
		}
	}

	/**
	 * Refuses to start while a user, or the administrator about to be created, has the demo
	 * password. Checked as the system, outside the login throttle.
	 */
	void refuseDemoPasswords(AdminAccountProperties admin) {
		List<String> users = new ArrayList<>(identityService.createUserQuery()
			.list()
			.stream()
			.map(User::getId)
			.filter(id -> identityService.checkPassword(id, DEMO_PASSWORD))
			.toList());
		if (DEMO_PASSWORD.equals(admin.password()) && !users.contains(admin.username())) {
			users.add(admin.username());
		}
		if (!users.isEmpty()) {
			throw new IllegalStateException("Users with the demo password: " + users + ". Change their passwords "
					+ "(SERVICECENTER_ADMIN_PASSWORD for a new administrator) before starting with the postgres profile");
		}
	}

	private void ensureGroup(String id, String name, String type) {
		if (identityService.createGroupQuery().groupId(id).count() == 0) {
			Group group = identityService.newGroup(id);
			group.setName(name);
			group.setType(type);
			identityService.saveGroup(group);
			log.info("Created staff group {}", id);
		}
	}

	/** The demo users of a group, by id: who acts for it in the demo's past. */
	List<String> demoUsersOf(String groupId) {
		return DEMO_USERS.stream().filter(user -> user.group().id().equals(groupId)).map(DemoUser::id).toList();
	}

	void ensureDemoUsers() {
		for (DemoUser user : DEMO_USERS) {
			ensureUser(user.id(), user.name(), DEMO_PASSWORD, user.group());
		}
	}

	/** Tasklist shows "first last": the full name, then the group, reads "王丽 接待员". */
	private void ensureUser(String id, String name, String password, StaffGroup group) {
		if (identityService.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = identityService.newUser(id);
		user.setFirstName(name);
		user.setLastName(group.label());
		user.setEmail(id + "@tianxiacheng.example");
		user.setPassword(password);
		identityService.saveUser(user);
		identityService.createMembership(id, group.id());
		log.info("Created user {} in group {}", id, group.id());
	}

}
