package cn.tianxiacheng.servicecenter.casework;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.BenchmarkDatabase;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Not a test: benchmark 4 (see README). The bytes that whole complaint cases ({@link ComplaintCases},
 * as in benchmark 1) leave in the engine's history tables: PostgreSQL's
 * {@code pg_total_relation_size} (rows, indexes and TOAST) of every {@code ACT_HI_*} table before
 * and after {@link #CASES} cases, as written and after {@code VACUUM FULL}, per table and per
 * case. Then the history cleanup: run now and a day before the cases' time to live is over, it
 * removes nothing; with the engine's clock moved past it, it removes the ended instances (their
 * activities, tasks, variables, decisions, logs), and the bytes freed are printed. The job
 * executor is off: the cleanup job is executed here, run after run, as the engine reschedules it.
 * Last lines: {@code history bytes per case: <bytes after VACUUM FULL>}, then
 * {@code history cleanup ratio: <ended instances removed past their time / ended instances>} (0 when
 * the cleanup removed any before their time).
 */
@SpringBootTest(properties = { "logging.level.root=WARN", "servicecenter.demo.history=false", "camunda.bpm.job-execution.enabled=false" })
@ContextConfiguration(initializers = BenchmarkDatabase.class)
@Import(ComplaintCases.class)
@DirtiesContext
class HistoryGrowthBenchmark {

	static final int CASES = 500;

	/** Outside the engine's history: the byte arrays and the grants on historic tasks are also removed by the cleanup. */
	static final List<String> RELATED = List.of("act_ge_bytearray", "act_ru_authorization");

	@Autowired
	ComplaintCases complaints;

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	HistoryService historyService;

	@Autowired
	ManagementService managementService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void historyPerCaseAndItsCleanup() {
		System.out.println(BenchmarkDatabase.machine());
		ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
		System.out.printf("history level %s; cleanup strategy %s, removal time strategy %s, batch window %s–%s, "
				+ "batch size %d; time to live: %s %d days, %s %d days%n", engine.getHistory(),
				engine.getHistoryCleanupStrategy(), engine.getHistoryRemovalTimeStrategy(),
				engine.getHistoryCleanupBatchWindowStartTime(), engine.getHistoryCleanupBatchWindowEndTime(),
				engine.getHistoryCleanupBatchSize(), ComplaintProcess.KEY, timeToLive(ComplaintProcess.KEY),
				ReturnVisitProcess.KEY, timeToLive(ReturnVisitProcess.KEY));
		historyService.findHistoryCleanupJobs()
			.forEach(job -> System.out.println("history cleanup job scheduled at start for " + job.getDuedate()));

		complaints.drive(0);
		List<String> tables = new ArrayList<>(jdbc.queryForList("""
				select table_name from information_schema.tables
				 where table_schema = current_schema() and table_name like 'act\\_hi\\_%' order by table_name""",
				String.class));
		tables.addAll(RELATED);
		vacuumFull(tables);
		Map<String, long[]> before = sizes(tables);
		long databaseBefore = databaseSize();

		long start = System.nanoTime();
		for (int n = 1; n <= CASES; n++) {
			complaints.drive(n);
		}
		System.out.printf("%d whole complaint cases in %.0f s; database grew by %d bytes a case (every table)%n", CASES,
				(System.nanoTime() - start) / 1e9, (databaseSize() - databaseBefore) / CASES);
		Map<String, long[]> written = sizes(tables);
		vacuumFull(tables);
		Map<String, long[]> compact = sizes(tables);

		System.out.println("per case:                       rows    bytes as written    bytes after VACUUM FULL");
		long[] history = new long[3];
		for (String table : tables) {
			long rows = compact.get(table)[0] - before.get(table)[0];
			long asWritten = written.get(table)[1] - before.get(table)[1];
			long vacuumed = compact.get(table)[1] - before.get(table)[1];
			if (rows == 0 && asWritten == 0) {
				continue;
			}
			System.out.printf("  %-26s %7.1f %19d %26d%n", table, rows / (double) CASES, asWritten / CASES, vacuumed / CASES);
			if (!RELATED.contains(table)) {
				history[0] += rows;
				history[1] += asWritten;
				history[2] += vacuumed;
			}
		}
		System.out.printf("  %-26s %7.1f %19d %26d%n", "ACT_HI_* together", history[0] / (double) CASES,
				history[1] / CASES, history[2] / CASES);

		double cleanedUp = cleanUp(tables, compact);
		System.out.printf("history bytes per case: %d%n", history[2] / CASES);
		System.out.printf("history cleanup ratio: %.2f%n", cleanedUp);
	}

	/**
	 * The cleanup now, a day before the cases' time is over, and past it; what it removed each time.
	 * Returns the share of the ended instances it removed past their time (1 when all), or 0 when it
	 * removed any before.
	 */
	private double cleanUp(List<String> tables, Map<String, long[]> compact) {
		long ended = historyService.createHistoricProcessInstanceQuery().finished().count();
		long decisions = historyService.createHistoricDecisionInstanceQuery().count();
		Instant now = Instant.now();
		int days = timeToLive(ComplaintProcess.KEY);
		System.out.printf("before the cleanup: %d ended process instances, %d decision instances in history%n", ended,
				decisions);
		runCleanup("now", now);
		runCleanup("a day before the time to live is over", now.plus(Duration.ofDays(days - 1)));
		long removedEarly = ended - historyService.createHistoricProcessInstanceQuery().finished().count();
		long millis = runCleanup("past the time to live (" + days + " days)", now.plus(Duration.ofDays(days + 1)));

		vacuumFull(tables);
		Map<String, long[]> after = sizes(tables);
		long[] removed = new long[2];
		System.out.println("removed by the cleanup:         rows    bytes (after VACUUM FULL)");
		for (String table : tables) {
			long rows = compact.get(table)[0] - after.get(table)[0];
			long bytes = compact.get(table)[1] - after.get(table)[1];
			if (rows != 0) {
				System.out.printf("  %-26s %9d %14d%n", table, rows, bytes);
			}
			if (!RELATED.contains(table)) {
				removed[0] += rows;
				removed[1] += bytes;
			}
		}
		System.out.printf("history cleanup removed %d ended process instances and %d decision instances; "
				+ "%d rows, %d bytes of ACT_HI_* (%.1f MB) in %.1f s; left: %d ended instances%n",
				ended - historyService.createHistoricProcessInstanceQuery().finished().count(),
				decisions - historyService.createHistoricDecisionInstanceQuery().count(), removed[0], removed[1],
				removed[1] / 1e6, millis / 1e3, historyService.createHistoricProcessInstanceQuery().finished().count());
		long left = historyService.createHistoricProcessInstanceQuery().finished().count();
		return removedEarly > 0 ? 0 : (ended - left) / (double) ended;
	}

	/**
	 * The engine's clock set to the time; the cleanup job made due ({@code cleanUpHistoryAsync(true)})
	 * and executed while the engine reschedules it at once (a run that hit the batch size); its time.
	 */
	private long runCleanup(String when, Instant at) {
		ClockUtil.setCurrentTime(Date.from(at));
		long ended = historyService.createHistoricProcessInstanceQuery().finished().count();
		long start = System.nanoTime();
		Job job = historyService.cleanUpHistoryAsync(true);
		int runs = 0;
		while (job != null && !job.isSuspended() && job.getDuedate() != null
				&& !job.getDuedate().after(ClockUtil.getCurrentTime()) && runs < 10_000) {
			managementService.executeJob(job.getId());
			runs++;
			job = managementService.createJobQuery().jobId(job.getId()).singleResult();
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.printf("cleanup %s (engine clock %s): %d run(s), %d ended instances removed; the job is next due %s%n",
				when, at, runs, ended - historyService.createHistoricProcessInstanceQuery().finished().count(),
				job == null ? "never" : job.getDuedate());
		return millis;
	}

	private int timeToLive(String processKey) {
		return repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.singleResult()
			.getHistoryTimeToLive();
	}

	/** Rows and {@code pg_total_relation_size} of each table. */
	private Map<String, long[]> sizes(List<String> tables) {
		Map<String, long[]> sizes = new LinkedHashMap<>();
		for (String table : tables) {
			sizes.put(table, new long[] { jdbc.queryForObject("select count(*) from " + table, Long.class),
					jdbc.queryForObject("select pg_total_relation_size(?::regclass)", Long.class, table) });
		}
		return sizes;
	}

	private void vacuumFull(List<String> tables) {
		tables.forEach(table -> jdbc.execute("vacuum full " + table));
	}

	private long databaseSize() {
		return jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
	}

}
