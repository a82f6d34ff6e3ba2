package cn.tianxiacheng.servicecenter;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.tianxiacheng.servicecenter.system.EstateDirectory;
import cn.tianxiacheng.servicecenter.system.EstateTenants;

/**
 * What a test of the running application reaches it through: its port and REST client, its
 * database, its clock and the engine's services, and a process's task done as staff do it once it is
 * there. A test class names here only what it adds.
 */
public abstract class IntegrationTestSupport {

	/**
	 * 天下城's id, for a fixture's {@code estate_id = …}: the demo staff work there, and the demo's other
	 * estates (and the tests' own) come after it.
	 */
	public static final String TIANXIACHENG = "(select id from estate where code = 'TXC')";

	/** 天下城's buildings, for a fixture's {@code building_id in …}. */
	public static final String TIANXIACHENG_BUILDINGS = "(select id from building where estate_id = " + TIANXIACHENG + ")";

	@LocalServerPort
	protected int port;

	@Autowired
	protected TestRestTemplate rest;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected DataSource dataSource;

	@Autowired
	protected Clock clock;

	@Autowired
	protected RepositoryService repositoryService;

	@Autowired
	protected RuntimeService runtimeService;

	@Autowired
	protected TaskService taskService;

	@Autowired
	protected HistoryService historyService;

	@Autowired
	protected ManagementService managementService;

	@Autowired
	protected IdentityService identityService;

	@Autowired
	protected FilterService filterService;

	@Autowired
	protected EstateDirectory estateDirectory;

	@Autowired
	protected EstateTenants estateTenants;

	/**
	 * 天下城's staff, then those of a fresh second estate: the arguments of a test that runs per estate
	 * ({@code @ParameterizedTest @MethodSource("bothEstates")}, in a class with {@code @TestInstance(PER_CLASS)}).
	 */
	protected Stream<EstateStaff> bothEstates() {
		return Stream.of(EstateStaff.tianxiacheng(estateDirectory),
				EstateStaff.of(OtherEstate.create(jdbc, estateTenants, identityService), identityService));
	}

	/** A staff member of the calling test only (reception), set up as the system; the new id. */
	protected String newReceptionist(String idPrefix, String password) {
		String id = idPrefix + UUID.randomUUID().toString().substring(0, 8);
		User user = identityService.newUser(id);
		user.setFirstName("测试");
		user.setLastName("接待员");
		user.setPassword(password);
		identityService.saveUser(user);
		identityService.createMembership(id, "reception");
		identityService.createTenantUserMembership("TXC", id);
		return id;
	}

	/** Claims and completes the task once it is there, as the staff member. */
	protected void workTask(String user, String processInstanceId, String taskKey, Map<String, Object> variables)
			throws InterruptedException {
		StaffApi.work(rest, user, awaitTask(processInstanceId, taskKey).getId(), variables);
	}

	/** The process instance's task of that key, once its jobs have brought it there (at most 30 s). */
	protected Task awaitTask(String processInstanceId, String taskKey) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 30_000;
		while (System.currentTimeMillis() < deadline) {
			List<Task> tasks = taskService.createTaskQuery()
				.processInstanceId(processInstanceId)
				.taskDefinitionKey(taskKey)
				.list();
			if (!tasks.isEmpty()) {
				return tasks.get(0);
			}
			StaffApi.awaitJobs(managementService, processInstanceId);
			Thread.sleep(100);
		}
		throw new AssertionError("no task " + taskKey + " in " + processInstanceId + " after 30 s");
	}

}
