package cn.tianxiacheng.servicecenter.system;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the staff's queues need of the engine's tables on PostgreSQL (14 or later), added at every
 * start if missing, one node at a time ({@link SetupLock}). Not a Flyway migration: Flyway runs
 * before the engine creates its tables in a new database.
 * <ul>
 * <li>An index on {@code ACT_RU_TASK.DUE_DATE_}: Tasklist's filters sort by due date, so a page of
 * 15 is read in that order instead of sorting every task of the queue.</li>
 * <li>Statistics of the permission bits that the engine's authorization check tests
 * ({@code PERMS_ & 2}, READ, and {@code PERMS_ & 64}, READ_TASK): without them PostgreSQL guesses
 * that a group holds a few dozen task grants where it holds one per open task, and joins every
 * grant with every task of the queue (a count of 30,000 tasks took 56 s; README, benchmark 3).</li>
 * </ul>
 */
@Component
@Order(-10)
class QueueIndexes implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(QueueIndexes.class);

	static final List<String> STATISTICS = List.of(
			"create statistics if not exists sc_stat_auth_perms_read on (perms_ & 2) from act_ru_authorization",
			"create statistics if not exists sc_stat_auth_perms_read_task on (perms_ & 64) from act_ru_authorization");

	static final String DUE_DATE_INDEX = "create index if not exists sc_idx_task_due_date on act_ru_task (due_date_)";

	private final ProcessEngine engine;

	private final JdbcTemplate jdbc;

	private final SetupLock lock;

	QueueIndexes(ProcessEngine engine, JdbcTemplate jdbc, SetupLock lock) {
		this.engine = engine;
		this.jdbc = jdbc;
		this.lock = lock;
	}

	@Override
	public void run(ApplicationArguments args) {
		String database = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType();
		if (!"postgres".equals(database)) {
			return;
		}
		boolean statistics = jdbc.queryForObject("show server_version_num", Integer.class) >= 140000;
		if (!statistics) {
			log.warn("PostgreSQL before 14: no statistics of the authorizations' permission bits; Tasklist's counts will be slow");
		}
		lock.run(() -> {
			jdbc.execute(DUE_DATE_INDEX);
			if (!statistics) {
				return;
			}
			boolean missing = jdbc.queryForObject(
					"select count(*) from pg_statistic_ext where stxname like 'sc_stat_auth_perms_%'", Integer.class) < STATISTICS.size();
			STATISTICS.forEach(jdbc::execute);
			if (missing) {
				jdbc.execute("analyze act_ru_authorization");
			}
		});
	}

}
