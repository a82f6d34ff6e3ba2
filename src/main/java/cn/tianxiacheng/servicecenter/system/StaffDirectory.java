package cn.tianxiacheng.servicecenter.system;

import java.util.ArrayList;
import java.util.Arrays;
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
 * demo staff in Camunda's identity service. Existing users are not changed (after the first start
 * they belong to Camunda Admin), except a demo user's name as an earlier first run wrote it.
 */
@Component
class StaffDirectory {

	static final String DEMO_PASSWORD = "demo";

	private static final String SYSTEM = "SYSTEM";

	private static final String WORKFLOW = "WORKFLOW";

	private static final Logger log = LoggerFactory.getLogger(StaffDirectory.class);

	/** 姓 and 名; the estates they work in; the post is the user's group, and some hold a second post. */
	private record DemoUser(String id, String surname, String givenName, List<String> estates, StaffGroup group,
			StaffGroup... alsoIn) {

		DemoUser(String id, String surname, String givenName, StaffGroup group, StaffGroup... alsoIn) {
			this(id, surname, givenName, List.of(TXC), group, alsoIn);
		}

	}

	/** The estate the demo users work in (the others' are named), whose past the demo makes. */
	static final String TXC = "TXC";

	private static final List<DemoUser> DEMO_USERS = List.of(
			new DemoUser("receptionist", "王", "丽", StaffGroup.RECEPTION),
			new DemoUser("receptionist2", "李", "娜", StaffGroup.RECEPTION),
			new DemoUser("cashier", "张", "敏", StaffGroup.CASHIER), new DemoUser("manager", "刘", "强", StaffGroup.MANAGER),
			new DemoUser("director", "陈", "建国", StaffGroup.DIRECTOR),
			new DemoUser("engineer", "赵", "磊", StaffGroup.ENGINEERING),
			new DemoUser("engineer2", "钱", "伟", StaffGroup.ENGINEERING),
			new DemoUser("foreman", "郑", "军", StaffGroup.ENGINEERING, StaffGroup.ENGINEERING_LEAD),
			new DemoUser("guard", "孙", "浩", StaffGroup.SECURITY), new DemoUser("cleaner", "周", "芳", StaffGroup.CLEANING),
			new DemoUser("auditor", "吴", "静", StaffGroup.AUDITOR),
			new DemoUser("cuihureception", "林", "小雨", List.of("CHY"), StaffGroup.RECEPTION, StaffGroup.CASHIER),
			new DemoUser("cuihumanager", "黄", "志明", List.of("CHY"), StaffGroup.MANAGER, StaffGroup.DIRECTOR),
			new DemoUser("cuihuengineer", "马", "师傅", List.of("CHY"), StaffGroup.ENGINEERING),
			new DemoUser("jinjiangreception", "高", "婷", List.of("JJH"), StaffGroup.RECEPTION, StaffGroup.CASHIER),
			new DemoUser("jinjiangmanager", "罗", "斌", List.of("JJH"), StaffGroup.MANAGER, StaffGroup.DIRECTOR),
			new DemoUser("jinjiangengineer", "梁", "工", List.of("JJH"), StaffGroup.ENGINEERING),
			new DemoUser("regional", "宋", "立新", List.of(TXC, "CHY", "JJH"), StaffGroup.REGION_MANAGER),
			new DemoUser("groupaudit", "韩", "梅", List.of(), StaffGroup.GROUP_AUDITOR, StaffGroup.AUDITOR));

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
		ensureUser(new DemoUser(admin.username(), "系统", "管理员", StaffGroup.ADMIN), admin.password());
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

	/** 天下城's demo users of a group, by id: who acts for it in the demo's past. */
	List<String> demoUsersOf(String groupId) {
		return DEMO_USERS.stream()
			.filter(user -> user.group().id().equals(groupId) && user.estates().contains(TXC))
			.map(DemoUser::id)
			.toList();
	}

	void ensureDemoUsers() {
		for (DemoUser user : DEMO_USERS) {
			ensureUser(user, DEMO_PASSWORD);
		}
	}

	/**
	 * The estate's demo users in the group, as their post or a second one: who acts for it in the
	 * demo's past where the company's timers reach every estate (its owners pay the bills at its counter).
	 */
	List<String> demoUsersIn(String estateCode, String groupId) {
		return DEMO_USERS.stream()
			.filter(user -> user.estates().contains(estateCode) && (user.group().id().equals(groupId)
					|| Arrays.stream(user.alsoIn()).anyMatch(group -> group.id().equals(groupId))))
			.map(DemoUser::id)
			.toList();
	}

	/** The demo users who work in the estate, by id. */
	List<String> demoUsersIn(String estateCode) {
		return DEMO_USERS.stream().filter(user -> user.estates().contains(estateCode)).map(DemoUser::id).toList();
	}

	boolean isDemoUser(String userId) {
		return DEMO_USERS.stream().anyMatch(user -> user.id().equals(userId));
	}

	/**
	 * The webapps show "first last" and Admin's Chinese labels call the first field 姓: 姓 in
	 * firstName, 名 in lastName read "王 丽" in Tasklist and 王丽 on the app's pages.
	 */
	private void ensureUser(DemoUser demo, String password) {
		User existing = identityService.createUserQuery().userId(demo.id()).singleResult();
		if (existing != null) {
			splitTheFirstRunsName(existing, demo);
			return;
		}
		User user = identityService.newUser(demo.id());
		user.setFirstName(demo.surname());
		user.setLastName(demo.givenName());
		user.setEmail(demo.id() + "@tianxiacheng.example");
		user.setPassword(password);
		identityService.saveUser(user);
		identityService.createMembership(demo.id(), demo.group().id());
		for (StaffGroup group : demo.alsoIn()) {
			identityService.createMembership(demo.id(), group.id());
		}
		log.info("Created user {} in group {}", demo.id(), demo.group().id());
	}

	/**
	 * Earlier first runs wrote the whole name into firstName and the post into lastName (王丽,
	 * 接待员); such a user, the post still in its lastName, gets its name split. A user renamed in
	 * Admin since is left alone.
	 */
	private void splitTheFirstRunsName(User user, DemoUser demo) {
		if (demo.group().label().equals(user.getLastName())) {
			user.setFirstName(demo.surname());
			user.setLastName(demo.givenName());
			identityService.saveUser(user);
			log.info("Split the name of user {} into 姓 and 名", demo.id());
		}
	}

}
