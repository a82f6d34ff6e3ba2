package cn.tianxiacheng.servicecenter.casework;

import static cn.tianxiacheng.servicecenter.BenchmarkDatabase.median;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import cn.tianxiacheng.servicecenter.BenchmarkDatabase;
import cn.tianxiacheng.servicecenter.SqlCounter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Not a test: benchmark 1 (see README). A whole complaint case driven through the application's
 * services as staff ({@link ComplaintCases}: intake through {@link CaseIntake}, the routing table, first response,
 * department, the owner's confirmation, closing, the return visit's timer and the visit; every
 * claim and completion with the staff member's authentication, so the engine guard, form field
 * checks, authorizations, task listeners and the case journal all run), against a bare process
 * in the same engine with the same wait states (four user tasks and a timer) and no-op
 * delegates, driven with the engine's API. 1 and 4 threads, three rounds of
 * {@link #ROUND_MILLIS} each, medians printed. The bare process is driven twice: anonymously, the
 * engine's floor, and as staff (each claim and completion with the user's authentication, as
 * every call from Tasklist or the app is), which adds what the engine itself does for an
 * authenticated user: authorization checks and the user operation log. Last line:
 * {@code case/bare ratio: <number>} (the lower of the 1- and 4-thread ratios against the floor).
 */
@SpringBootTest(properties = { "logging.level.root=WARN", "servicecenter.demo.history=false" })
@ContextConfiguration(initializers = BenchmarkDatabase.class)
@Import(ComplaintCases.class)
@DirtiesContext
class ComplaintCaseBenchmark {

	static final String BARE_PROCESS = "BareCaseProcess";

	static final long ROUND_MILLIS = 6_000;

	static final int ROUNDS = 3;

	@TestConfiguration
	static class BareDelegates {

		@Bean
		static BeanPostProcessor sqlCounter() {
			return SqlCounter.postProcessor();
		}

		@Bean
		JavaDelegate noOpDelegate() {
			return execution -> {
			};
		}

	}

	@Autowired
	ComplaintCases complaints;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	private List<String> units;

	@Test
	void complaintCasesAgainstTheBareEngine() throws Exception {
		System.out.println(BenchmarkDatabase.machine());
		repositoryService.createDeployment().addModelInstance(BARE_PROCESS + ".bpmn", bareProcess()).deploy();
		units = complaints.units();

		run(1, 4_000, this::complaintCase);
		run(1, 4_000, this::bareCase);
		run(1, 4_000, this::bareCaseAsStaff);
		Map<String, Double> caseKinds = new TreeMap<>();
		Map<String, Double> bareKinds = new TreeMap<>();
		System.out.println("per whole case: complaint " + sqlPerCase(10, this::complaintCase, caseKinds) + "; bare "
				+ sqlPerCase(10, this::bareCase, new TreeMap<>()) + "; bare as staff "
				+ sqlPerCase(10, this::bareCaseAsStaff, bareKinds));
		System.out.println("statements a complaint case sends more than the bare process as staff, by kind:");
		caseKinds.entrySet().stream()
			.map(kind -> Map.entry(kind.getKey(), kind.getValue() - bareKinds.getOrDefault(kind.getKey(), 0.0)))
			.filter(kind -> kind.getValue() > 0)
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.forEach(kind -> System.out.printf("  %5.1f  %s%n", kind.getValue(), kind.getKey()));
		double[] ratios = new double[2];
		int i = 0;
		for (int threads : new int[] { 1, 4 }) {
			double[] cases = new double[ROUNDS];
			double[] bare = new double[ROUNDS];
			double[] bareAsStaff = new double[ROUNDS];
			for (int round = 0; round < ROUNDS; round++) {
				bare[round] = run(threads, ROUND_MILLIS, this::bareCase);
				bareAsStaff[round] = run(threads, ROUND_MILLIS, this::bareCaseAsStaff);
				cases[round] = run(threads, ROUND_MILLIS, this::complaintCase);
			}
			double caseRate = median(cases);
			double bareRate = median(bare);
			double bareAsStaffRate = median(bareAsStaff);
			ratios[i++] = caseRate / bareRate;
			System.out.printf("%d thread(s): complaint cases %.1f/s (rounds %s), bare process %.1f/s (rounds %s), "
					+ "bare as staff %.1f/s (rounds %s); case/bare %.2f, bare as staff/bare %.2f, case/bare as staff %.2f%n",
					threads, caseRate, rounds(cases), bareRate, rounds(bare), bareAsStaffRate, rounds(bareAsStaff),
					caseRate / bareRate, bareAsStaffRate / bareRate, caseRate / bareAsStaffRate);
		}
		lockWaits(4);
		System.out.printf("case/bare ratio: %.2f%n", Math.min(ratios[0], ratios[1]));
	}

	/**
	 * One more round of complaint cases with the given threads, the database's sessions sampled
	 * every 20 ms meanwhile: how often one of them waits for a lock another holds, and in which
	 * statement (not part of the timed rounds).
	 */
	private void lockWaits(int threads) throws Exception {
		Map<String, Integer> waitingIn = new java.util.concurrent.ConcurrentHashMap<>();
		AtomicInteger samples = new AtomicInteger();
		AtomicInteger withWait = new AtomicInteger();
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> {
			List<String> waiting = jdbc.queryForList("""
					select query from pg_stat_activity
					 where datname = current_database() and wait_event_type = 'Lock'""", String.class);
			samples.incrementAndGet();
			if (!waiting.isEmpty()) {
				withWait.incrementAndGet();
			}
			waiting.forEach(query -> waitingIn.merge(SqlCounter.kind(query), 1, Integer::sum));
		}, 0, 20, TimeUnit.MILLISECONDS);
		double rate = run(threads, ROUND_MILLIS, this::complaintCase);
		sampler.shutdown();
		sampler.awaitTermination(5, TimeUnit.SECONDS);
		System.out.printf("lock waits, %d threads (%.1f cases/s): a session waited for a lock in %d of %d samples (%.0f %%)%n",
				threads, rate, withWait.get(), samples.get(), 100.0 * withWait.get() / samples.get());
		waitingIn.entrySet().stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.forEach(kind -> System.out.printf("  %5d  %s%n", kind.getValue(), kind.getKey()));
	}

	/** Whole cases per second: threads drive cases one after another until the time is up. */
	private double run(int threads, long millis, IntConsumer oneCase) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		AtomicInteger next = new AtomicInteger();
		long start = System.nanoTime();
		long deadline = start + millis * 1_000_000;
		List<Future<Integer>> done = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			done.add(pool.submit(() -> {
				int cases = 0;
				while (System.nanoTime() < deadline) {
					oneCase.accept(next.getAndIncrement());
					cases++;
				}
				return cases;
			}));
		}
		int cases = 0;
		for (Future<Integer> thread : done) {
			cases += thread.get();
		}
		pool.shutdown();
		return cases / ((System.nanoTime() - start) / 1e9);
	}

	/** SQL statements and commits per case, over a few cases run alone; the statements by kind into {@code kinds}. */
	private String sqlPerCase(int cases, IntConsumer oneCase, Map<String, Double> kinds) {
		long statements = SqlCounter.STATEMENTS.get();
		long commits = SqlCounter.COMMITS.get();
		SqlCounter.KINDS.clear();
		SqlCounter.countKinds = true;
		for (int n = 0; n < cases; n++) {
			oneCase.accept(1_000_000 + n);
		}
		SqlCounter.countKinds = false;
		SqlCounter.KINDS.forEach((kind, count) -> kinds.put(kind, count.sum() / (double) cases));
		return "%.1f SQL statements, %.1f commits".formatted((SqlCounter.STATEMENTS.get() - statements) / (double) cases,
				(SqlCounter.COMMITS.get() - commits) / (double) cases);
	}

	/** 投诉: registered, first response dispatches it, the department handles it, the owner confirms, visited. */
	private void complaintCase(int n) {
		complaints.drive(n);
	}

	/** The bare process: the same wait states, no listeners, no authentication, no variables but one. */
	private void bareCase(int n) {
		String instance = runtimeService
			.startProcessInstanceByKey(BARE_PROCESS, "BARE-" + n, Map.of("unitNumber", units.get(n % units.size())))
			.getId();
		for (int task = 0; task < 3; task++) {
			bareWork(instance);
		}
		managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).singleResult().getId());
		bareWork(instance);
	}

	private void bareWork(String processInstanceId) {
		Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
		taskService.claim(task.getId(), "someone");
		taskService.complete(task.getId());
	}

	/** The bare process, each claim and completion by a member of the task's group, authenticated. */
	private void bareCaseAsStaff(int n) {
		String instance = runtimeService
			.startProcessInstanceByKey(BARE_PROCESS, "BARE-STAFF-" + n, Map.of("unitNumber", units.get(n % units.size())))
			.getId();
		for (int task = 0; task < 3; task++) {
			bareWorkAsStaff(instance);
		}
		managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).singleResult().getId());
		bareWorkAsStaff(instance);
	}

	private void bareWorkAsStaff(String processInstanceId) {
		Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
		boolean department = task.getTaskDefinitionKey().equals("Task_Department");
		String user = department ? "cleaner" : "receptionist";
		identityService.setAuthentication(user, List.of(department ? "cleaning" : "reception"));
		try {
			taskService.claim(task.getId(), user);
			taskService.complete(task.getId());
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	static BpmnModelInstance bareProcess() {
		return Bpmn.createExecutableProcess(BARE_PROCESS)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask("Task_Register").camundaDelegateExpression("${noOpDelegate}")
			.serviceTask("Task_Route").camundaDelegateExpression("${noOpDelegate}")
			.userTask("Task_First").camundaCandidateGroups("reception")
			.userTask("Task_Department").camundaCandidateGroups("cleaning")
			.userTask("Task_Confirm").camundaCandidateGroups("reception")
			.serviceTask("Task_Close").camundaDelegateExpression("${noOpDelegate}")
			.intermediateCatchEvent("Timer_VisitDue").timerWithDuration("PT24H")
			.userTask("Task_Visit").camundaCandidateGroups("reception")
			.endEvent()
			.done();
	}

	private static String rounds(double[] rates) {
		StringBuilder text = new StringBuilder();
		for (double rate : rates) {
			text.append(text.isEmpty() ? "" : " ").append("%.1f".formatted(rate));
		}
		return text.toString();
	}

}
