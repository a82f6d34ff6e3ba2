package cn.tianxiacheng.servicecenter.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.BenchmarkDatabase;
import cn.tianxiacheng.servicecenter.SqlCounter;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Not a test: benchmark 3 (see README). {@link #OPEN_TASKS} open tasks across the groups'
 * queues and {@link #ENDED_INSTANCES} ended instances in history, made by copying the rows of
 * one real instance of each kind with SQL (every runtime, history and authorization row the
 * engine wrote, with new ids); then the Tasklist filter "待领取 · 接待员" listed (first page of 15,
 * as Tasklist asks) and counted through {@code /engine-rest/filter/{id}/…} as a receptionist, with
 * authorization checks on: p50/p95 over {@link #CALLS} calls each (or what fits in a minute), and
 * PostgreSQL's plan of the slowest statement of each. The tasks and instances are spread over
 * {@link #ESTATES} estates (engine tenants), the receptionist works in one of them. Last line: {@code queue p95/goal ratio: <p95 of the list ÷ 50 ms>}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.root=WARN", "servicecenter.demo.estate=false" })
@ContextConfiguration(initializers = BenchmarkDatabase.class)
@DirtiesContext
class WorkQueueBenchmark {

	static final int OPEN_TASKS = 100_000;

	static final int ENDED_INSTANCES = 100_000;

	static final int CALLS = 200;

	/** The open tasks and ended instances are spread over as many estates (engine tenants); the receptionist works in the first. */
	static final int ESTATES = 50;

	static final long BUDGET_MILLIS = 60_000;

	static final String LOAD_PROCESS = "QueueLoadProcess";

	/** Where the open tasks wait: reception gets 3 in 10. */
	static final String GROUPS = "array['reception','reception','reception','engineering','cleaning','security','manager',"
			+ "'cashier','director','engineering']";

	@TestConfiguration
	static class Recording {

		@Bean
		static BeanPostProcessor sqlCounter() {
			return SqlCounter.postProcessor();
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	FilterService filterService;

	@Autowired
	IdentityService identityService;

	@Autowired
	EstateTenants tenants;

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	ProcessEngine processEngine;

	@Test
	void receptionQueueAtScale() throws Exception {
		System.out.println(BenchmarkDatabase.machine());
		ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
		System.out.printf("engine: authorizationCheckRevokes %s, cmmnEnabled %s, standaloneTasksEnabled %s; "
				+ "PostgreSQL plan_cache_mode %s; queue index and statistics: %s%n", engine.getAuthorizationCheckRevokes(),
				engine.isCmmnEnabled(), engine.isStandaloneTasksEnabled(), jdbc.queryForObject("show plan_cache_mode", String.class),
				jdbc.queryForList("""
						select indexname from pg_indexes where indexname like 'sc\\_%'
						union all select stxname from pg_statistic_ext where stxname like 'sc\\_%'""", String.class));
		long start = System.nanoTime();
		generate();
		System.out.printf("generated %d open tasks and %d ended instances in %.0f s; ACT_RU_TASK %d rows, "
				+ "ACT_RU_AUTHORIZATION %d, ACT_HI_PROCINST %d, ACT_HI_ACTINST %d%n", OPEN_TASKS, ENDED_INSTANCES,
				(System.nanoTime() - start) / 1e9, count("act_ru_task"), count("act_ru_authorization"),
				count("act_hi_procinst"), count("act_hi_actinst"));
		jdbc.execute("analyze");

		String filterId = filterService.createFilterQuery()
			.filterName(TasklistFilters.QUEUE_PREFIX + StaffGroup.RECEPTION.label())
			.singleResult()
			.getId();
		String list = "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15";
		String count = "/engine-rest/filter/" + filterId + "/count";
		System.out.printf("reception queue of estate %s (the receptionist's, one of %d): %d of the %d open tasks; "
				+ "first page %d characters%n", estateCode(1), ESTATES, jdbc.queryForObject("""
						select count(*) from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_
						 where t.tenant_id_ = ? and l.group_id_ = 'reception' and t.assignee_ is null""", Long.class,
						estateCode(1)), count("act_ru_task"), get(list).length());
		for (int i = 0; i < 10; i++) {
			get(list);
		}
		SqlCounter.resetSlowest();
		SqlCounter.recordSlowest = true;
		double[] listMillis = time(list);
		SqlCounter.recordSlowest = false;
		print("list (first 15)", listMillis);
		explainSlowest(true);
		SqlCounter.resetSlowest();
		SqlCounter.recordSlowest = true;
		double[] countMillis = time(count);
		SqlCounter.recordSlowest = false;
		print("count (Tasklist shows it beside the filter)", countMillis);
		explainSlowest(countMillis.length > 0 && BenchmarkDatabase.percentile(countMillis, 50) < 5_000);
		System.out.printf("queue p95/goal ratio: %.2f%n", BenchmarkDatabase.percentile(listMillis, 95) / 50);
	}

	/** Up to {@link #CALLS} calls, or as many as fit in {@link #BUDGET_MILLIS}: a slow query must not stall the profile. */
	private double[] time(String path) throws Exception {
		double[] millis = new double[CALLS];
		long budgetEnds = System.currentTimeMillis() + BUDGET_MILLIS;
		int calls = 0;
		while (calls < CALLS && System.currentTimeMillis() < budgetEnds) {
			long start = System.nanoTime();
			get(path);
			millis[calls++] = (System.nanoTime() - start) / 1e6;
		}
		return Arrays.copyOf(millis, calls);
	}

	private static void print(String what, double[] millis) {
		if (millis.length == 0) {
			System.out.printf("%s: not one call answered within %d s%n", what, BUDGET_MILLIS / 1000);
			return;
		}
		System.out.printf("%s as receptionist over %d calls: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", what, millis.length,
				BenchmarkDatabase.percentile(millis, 50), BenchmarkDatabase.percentile(millis, 95),
				BenchmarkDatabase.percentile(millis, 100));
	}

	/** The plan of the slowest statement: executed and timed ({@code ANALYZE}) only if it is not too slow to run again. */
	private void explainSlowest(boolean analyze) {
		SqlCounter.Slow slow = SqlCounter.slowest();
		System.out.printf("slowest statement (%.1f ms): %s%nparameters %s%n", slow.nanos() / 1e6,
				slow.sql().replaceAll("\\s+", " "), slow.parameters());
		List<String> plan = jdbc.execute((java.sql.Connection connection) -> {
			try (PreparedStatement explain = connection.prepareStatement((analyze ? "explain (analyze, buffers) " : "explain ") + slow.sql())) {
				for (Map.Entry<Integer, Object> parameter : slow.parameters().entrySet()) {
					explain.setObject(parameter.getKey(), parameter.getValue());
				}
				List<String> lines = new ArrayList<>();
				try (var rows = explain.executeQuery()) {
					while (rows.next()) {
						lines.add(rows.getString(1));
					}
				}
				return lines;
			}
		});
		System.out.println((analyze ? "EXPLAIN (ANALYZE, BUFFERS)" : "EXPLAIN") + " of the slowest statement:");
		plan.forEach(line -> System.out.println("  " + line));
	}

	private String get(String path) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("receptionist:demo".getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private long count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

	/**
	 * One instance of the load process waiting at its task and one ended, made by the engine;
	 * then each copied with SQL: every row of every {@code ACT_RU_*} and {@code ACT_HI_*} table
	 * that belongs to it (and the task's authorization), ids prefixed with the copy's number.
	 */
	private void generate() {
		repositoryService.createDeployment()
			.addModelInstance(LOAD_PROCESS + ".bpmn", Bpmn.createExecutableProcess(LOAD_PROCESS)
				.camundaHistoryTimeToLive(180)
				.startEvent()
				.userTask("Task_Work")
				.name("处理工单")
				.camundaCandidateGroups("${group}")
				.camundaDueDate("${due}")
				.endEvent()
				.done())
			.deploy();
		Map<String, Object> variables = new HashMap<>(Map.of("group", "reception", "due", new java.util.Date(),
				"caseNumber", "TS-20261128-0001", "unitNumber", "1-1-101", "category", "环境卫生", "urgencyLabel", "一般"));
		String open = runtimeService.startProcessInstanceByKey(LOAD_PROCESS, "LOAD-open", variables).getId();
		String ended = runtimeService.startProcessInstanceByKey(LOAD_PROCESS, "LOAD-ended", variables).getId();
		taskService.complete(taskService.createTaskQuery().processInstanceId(ended).singleResult().getId());

		for (int e = 1; e <= ESTATES; e++) {
			String code = estateCode(e);
			jdbc.update("insert into estate (name, code, address) values (?, ?, '基准路 1 号')", "基准" + e + "区", code);
			tenants.ensure(new EstateRef(jdbc.queryForObject("select id from estate where code = ?", Long.class, code), code,
					"基准" + e + "区"));
		}
		identityService.createTenantUserMembership(estateCode(1), "receptionist");
		copy(open, OPEN_TASKS, "o");
		copy(ended, ENDED_INSTANCES, "e");
	}

	private void copy(String processInstanceId, int copies, String prefix) {
		List<String> tables = jdbc.queryForList("""
				select table_name from information_schema.columns
				 where table_schema = current_schema() and column_name = 'proc_inst_id_'
				   and (table_name like 'act_ru_%' or table_name like 'act_hi_%')""", String.class);
		String taskIds = "select id_ from act_hi_taskinst where proc_inst_id_ = '" + processInstanceId + "'";
		// parents before the rows that refer to them
		Map<String, String> rowsOf = new java.util.LinkedHashMap<>();
		rowsOf.put("act_ru_execution", null);
		rowsOf.put("act_ru_task", null);
		for (String table : tables) {
			rowsOf.put(table, "proc_inst_id_ = '" + processInstanceId + "'");
		}
		// the task's candidate group and the grants the engine made for it (task and historic task)
		rowsOf.put("act_ru_identitylink", "task_id_ in (" + taskIds + ")");
		rowsOf.put("act_hi_identitylink", "task_id_ in (" + taskIds + ")");
		rowsOf.put("act_ru_authorization", "resource_id_ in (" + taskIds + ")");
		Set<String> ids = new LinkedHashSet<>();
		rowsOf.forEach((table, where) -> {
			if (hasColumn(table, "id_")) {
				ids.addAll(jdbc.queryForList("select id_ from " + table + " where " + where, String.class));
			}
		});
		String idList = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
		rowsOf.forEach((table, where) -> {
			List<Map<String, Object>> columns = jdbc.queryForList("""
					select column_name, data_type from information_schema.columns
					 where table_schema = current_schema() and table_name = ? order by ordinal_position""", table);
			String names = columns.stream().map(c -> (String) c.get("column_name")).collect(Collectors.joining(", "));
			String values = columns.stream().map(c -> expression((String) c.get("column_name"),
					(String) c.get("data_type"), idList, prefix)).collect(Collectors.joining(", "));
			jdbc.update("insert into " + table + " (" + names + ") select " + values + " from " + table
					+ " cross join generate_series(1, " + copies + ") g where " + where);
		});
	}

	private static String estateCode(int estate) {
		return "E%02d".formatted(estate);
	}

	/** The copy's value of a column: ids renumbered, the group, estate and due date spread over the copies. */
	private static String expression(String column, String type, String idList, String prefix) {
		if (column.equals("tenant_id_")) {
			// in runs of ten copies, so that each estate's tasks wait in every group's queue as the others' do
			return "'E' || lpad((1 + g / 10 % " + ESTATES + ")::text, 2, '0')";
		}
		if (column.equals("group_id_")) {
			return "case when group_id_ = 'reception' then (" + GROUPS + ")[1 + g % 10] else group_id_ end";
		}
		if (column.equals("due_date_")) {
			return "due_date_ + g * interval '1 minute'";
		}
		if (column.equals("business_key_")) {
			return "business_key_ || '-' || g";
		}
		if (type.equals("character varying")) {
			return "case when " + column + " in (" + idList + ") then '" + prefix + "' || g || ':' || " + column + " else "
					+ column + " end";
		}
		return column;
	}

	private boolean hasColumn(String table, String column) {
		return jdbc.queryForObject("""
				select count(*) from information_schema.columns
				 where table_schema = current_schema() and table_name = ? and column_name = ?""", Integer.class, table,
				column) > 0;
	}

}
