package cn.tianxiacheng.servicecenter.system;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo estate's last 90 days, made once on a fresh demo database, in the background after
 * start: the estate's clock and the engine's are moved back 90 days and forward again day by day
 * while each module's {@link DemoStory} acts through its services and the engine as staff would;
 * the engine's job executor is paused meanwhile and every job is run when the clock passes its
 * due date, so timers fire on the days they fall due. Then the clocks run free again, with no
 * job left due in the past. One node makes it: the row of {@code demo_history}, taken under the
 * {@link SetupLock}, says it was begun (and when it ended), so it is never made twice.
 */
@Component
class DemoHistory {

	static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

	static final int DAYS = 90;

	private static final int DEMO_WRITE_DELAY_MS = 500;

	/** How far it has got, for the home page: days made of all. */
	record Progress(int day, int days) {
	}

	private final DemoProperties demo;

	private final List<DemoStory> stories;

	private final EstateClock clock;

	private final SetupLock lock;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final JobExecutor jobExecutor;

	private final IdentityService identityService;

	private final TaskService taskService;

	private final ManagementService managementService;

	private final StaffDirectory directory;

	private final StaffEstates staffEstates;

	private volatile Progress progress;

	private volatile boolean stopping;

	private Thread maker;

	DemoHistory(DemoProperties demo, List<DemoStory> stories, EstateClock clock, SetupLock lock, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, JobExecutor jobExecutor,
			IdentityService identityService, TaskService taskService, ManagementService managementService,
			StaffDirectory directory, StaffEstates staffEstates) {
		this.staffEstates = staffEstates;
		this.demo = demo;
		this.stories = stories;
		this.clock = clock;
		this.lock = lock;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.jobExecutor = jobExecutor;
		this.identityService = identityService;
		this.taskService = taskService;
		this.managementService = managementService;
		this.directory = directory;
	}

	/** While the past is being made: how far it has got. */
	Optional<Progress> progress() {
		return Optional.ofNullable(progress);
	}

	@EventListener(ApplicationReadyEvent.class)
	void startOnce() {
		if (!demo.estate() || !demo.history() || !begin()) {
			return;
		}
		progress = new Progress(0, DAYS);
		maker = new Thread(this::make, "demo-history");
		maker.setDaemon(true);
		maker.start();
	}

	@PreDestroy
	void stop() throws InterruptedException {
		stopping = true;
		if (maker != null) {
			maker.join(30_000);
		}
	}

	/** Takes the making on for this node, unless it was ever begun. */
	private boolean begin() {
		return transactions.execute(status -> {
			lock.holdUntilCommit();
			if (jdbc.queryForObject("select count(*) from demo_history", Integer.class) > 0) {
				return false;
			}
			jdbc.update("insert into demo_history (id, begun_at, days) values (1, ?, ?)", Timestamp.from(Instant.now()),
					DAYS);
			return true;
		});
	}

	/**
	 * Stops the engine's job executor, once the starter has started it (on an event of its own
	 * about when this one comes): the jobs of the demo's past are run by the demo, in order.
	 * Whether it was started at all.
	 */
	private boolean pause(JobExecutor executor) {
		long deadline = System.currentTimeMillis() + 10_000;
		while (!executor.isActive() && System.currentTimeMillis() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		if (!executor.isActive()) {
			return false;
		}
		executor.shutdown();
		return true;
	}

	/**
	 * The embedded H2 database writes each commit to its file at once ({@code WRITE_DELAY=0}); while
	 * the demo's past is made, its thousands of commits are written together every half second.
	 * A crash meanwhile loses at most that half second of a past
	 * that is left unfinished anyway. Empty on other databases.
	 */
	private Optional<Integer> h2WriteDelay() {
		String product = jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData()
			.getDatabaseProductName());
		return "H2".equals(product) ? Optional.ofNullable(jdbc.queryForObject(
				"select distinct cast(setting_value as int) from information_schema.settings where setting_name = 'WRITE_DELAY'",
				Integer.class)) : Optional.empty();
	}

	private void make() {
		long began = System.nanoTime();
		Instant end = clock.instant();
		LocalDate first = LocalDate.ofInstant(end, clock.getZone()).minusDays(DAYS);
		boolean executorWasActive = pause(jobExecutor);
		Optional<Integer> writeDelay = h2WriteDelay();
		writeDelay.ifPresent(delay -> jdbc.execute("set write_delay " + DEMO_WRITE_DELAY_MS));
		DueJobs jobs = new DueJobs(managementService);
		int[] failures = { 0 };
		int acts = 0;
		try {
			clock.standAt(first.atStartOfDay(clock.getZone()).toInstant());
			DemoTimeline timeline = new DemoTimeline(clock, end, first.toEpochDay(), identityService, taskService,
					managementService, directory, staffEstates, jobs);
			// the 90 days before today, then today up to the present
			for (int i = 0; i <= DAYS && !stopping; i++) {
				LocalDate day = first.plusDays(i);
				for (DemoStory story : stories) {
					story.plan(day, timeline);
				}
				Instant next = day.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
				acts += timeline.runUntil(next.isBefore(end) ? next : end, refusal -> {
					if (failures[0]++ < 3) {
						log.warn("A demo act was refused at {}: {}", clock.instant(), refusal.toString());
					}
				});
				progress = new Progress(Math.min(i + 1, DAYS), DAYS);
			}
		}
		catch (RuntimeException ex) {
			log.error("The demo's past stopped at {}", clock.instant(), ex);
		}
		finally {
			clock.runFree();
			writeDelay.ifPresent(delay -> jdbc.execute("set write_delay " + delay));
			if (executorWasActive) {
				jobExecutor.start();
			}
			progress = null;
		}
		long seconds = (System.nanoTime() - began) / 1_000_000_000;
		jdbc.update("update demo_history set ended_at = ?, seconds = ? where id = 1", Timestamp.from(Instant.now()), seconds);
		log.info("Demo history: {} days made in {} s ({} acts, {} of them refused; {} jobs run, {} failed)", DAYS, seconds,
				acts, failures[0], jobs.run(), jobs.failed());
	}

}
