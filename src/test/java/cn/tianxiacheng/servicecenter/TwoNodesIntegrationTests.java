package cn.tianxiacheng.servicecenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.casework.CaseIntake;
import cn.tianxiacheng.servicecenter.casework.CaseType;
import cn.tianxiacheng.servicecenter.casework.Channel;
import cn.tianxiacheng.servicecenter.casework.ComplaintProcess;
import cn.tianxiacheng.servicecenter.casework.ServiceCase;
import cn.tianxiacheng.servicecenter.casework.Urgency;
import cn.tianxiacheng.servicecenter.estate.Households;
import cn.tianxiacheng.servicecenter.fee.BillingResult;
import cn.tianxiacheng.servicecenter.fee.BillingRuns;
import cn.tianxiacheng.servicecenter.fee.FeeBillingProcess;
import cn.tianxiacheng.servicecenter.system.EstateDirectory;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerStartEventJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandler;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes on one PostgreSQL database, as Camunda 7 runs a cluster: a shared
 * database and a job executor on every node. Both start at the same moment on an empty
 * database; then every timer runs once across the nodes, two billing runs of one month bill
 * each unit once, a task claimed on one node cannot be claimed on the other, and a job left by
 * a node stopped in the middle of it is done by the other once its lock has expired.
 * <p>
 * Two Spring contexts in this JVM stand for the two nodes (engine names made unique, job
 * executor lock time shortened to {@link #LOCK_TIME}). PostgreSQL only: the H2 suite's database
 * lives in one JVM's memory.
 */
@EnabledIfSystemProperty(named = "test.database", matches = "postgres",
		disabledReason = "two nodes share a PostgreSQL server; the H2 suite runs in memory")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIntegrationTests {

	static final Duration LOCK_TIME = Duration.ofSeconds(4);

	private static final String TIMER_PROCESS = "TwoNodesTimerProcess";

	private static final String ASYNC_PROCESS = "TwoNodesAsyncProcess";

	private static final String PROBE = "Task_Probe";

	private static final int TIMER_INSTANCES = 40;

	private static Node a;

	private static Node b;

	/** One application instance: its context and the beans the test drives it with. */
	record Node(String name, ConfigurableApplicationContext context) {

		<T> T bean(Class<T> type) {
			return context.getBean(type);
		}

		RuntimeService runtime() {
			return bean(RuntimeService.class);
		}

		HistoryService history() {
			return bean(HistoryService.class);
		}

		TaskService tasks() {
			return bean(TaskService.class);
		}

		JdbcTemplate jdbc() {
			return bean(JdbcTemplate.class);
		}

	}

	@BeforeAll
	static void startBothNodesAtTheSameMoment() throws Exception {
		List<String> database = TestDatabase.freshPostgresDatabase("two_nodes_" + System.nanoTime());
		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService starters = Executors.newFixedThreadPool(2);
		Future<Node> startingA = starters.submit(() -> start("node-a", database, together));
		Future<Node> startingB = starters.submit(() -> start("node-b", database, together));
		starters.shutdown();
		try {
			a = startingA.get(4, TimeUnit.MINUTES);
		}
		finally {
			b = startingB.get(4, TimeUnit.MINUTES);
		}
	}

	private static Node start(String name, List<String> database, CyclicBarrier together) throws Exception {
		List<String> args = List.of("--spring.datasource.url=" + database.get(0),
				"--spring.datasource.username=" + database.get(1), "--spring.datasource.password=" + database.get(2),
				// two nodes and the suite's own context on one test server (max_connections 100)
				"--spring.datasource.hikari.maximum-pool-size=12", "--spring.datasource.hikari.minimum-idle=2",
				"--spring.datasource.hikari.connection-timeout=5000", "--server.port=0",
				// the webapps keep static state (their engine and CSRF settings) that closing a node would take from the suite
				"--camunda.bpm.webapp.enabled=false",
				"--camunda.bpm.generate-unique-process-engine-name=true",
				"--camunda.bpm.generate-unique-process-application-name=true",
				// the job log names the node that ran each job
				"--camunda.bpm.generic-properties.properties.hostname=" + name,
				"--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
				"--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000",
				// the project's timers, due every few seconds
				"--servicecenter.fees.monthly-billing-cron=0/2 * * * * ?",
				"--servicecenter.fees.arrears-scan-cron=1/2 * * * * ?",
				"--servicecenter.cases.routine-visit-cron=0/3 * * * * ?", "--servicecenter.cases.routine-visit-share=0.01",
				"--servicecenter.cases.return-visit-after=PT1S", "--servicecenter.login.max-delay=PT2S",
				"--servicecenter.demo.history=false");
		SpringApplicationBuilder application = new SpringApplicationBuilder(ServiceCenterApplication.class)
			.initializers(context -> context.getBeanFactory().registerSingleton("twoNodeProbe", new Probe(name)));
		together.await(1, TimeUnit.MINUTES);
		return new Node(name, application.run(args.toArray(String[]::new)));
	}

	@AfterAll
	static void stopBothNodes() {
		Probe.hold.countDown();
		for (Node node : new Node[] { a, b }) {
			if (node != null && node.context().isActive()) {
				node.context().close();
			}
		}
	}

	@Test
	@Order(1)
	void shouldSetUpStaffFiltersAndDemoDataOnceWhenBothNodesStartTogether() {
		JdbcTemplate jdbc = a.jdbc();
		assertThat(jdbc.queryForObject("select count(*) from act_id_group", Integer.class))
			.as("the staff groups and camunda-admin").isEqualTo(StaffGroup.values().length + 1);
		assertThat(jdbc.queryForList("select name_ from act_ru_filter group by name_ having count(*) > 1", String.class))
			.as("no Tasklist filter twice").isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from act_ru_filter", Integer.class))
			.as("我的任务, a queue per work group, 已逾期, 全部待办").isEqualTo(3 + StaffGroup.workGroups().size());
		assertThat(jdbc.queryForList("""
				select group_id_ from act_ru_authorization
				 group by type_, group_id_, user_id_, resource_type_, resource_id_ having count(*) > 1""", String.class))
			.as("no authorization twice").isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from estate where code = 'TXC'", Integer.class)).as("one demo estate")
			.isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from estate", Integer.class)).as("天下城 and the two smaller ones")
			.isEqualTo(3);
		assertThat(jdbc.queryForObject(
				"select count(*) from unit where building_id in " + IntegrationTestSupport.TIANXIACHENG_BUILDINGS, Integer.class))
			.isEqualTo(600);
		assertThat(jdbc.queryForList("select key_ from act_re_procdef group by key_ having count(*) > 1", String.class))
			.as("every process deployed once: one version, one timer start job").isEmpty();
		assertThat(a.bean(ManagementService.class).createJobQuery().timers().processDefinitionKey(FeeBillingProcess.KEY).count())
			.as("one monthly billing timer").isEqualTo(1);
	}

	@Test
	@Order(2)
	void shouldRunEveryTimerOnceAcrossTheNodes() {
		a.bean(RepositoryService.class)
			.createDeployment()
			.name("two-nodes-timer")
			.addModelInstance(TIMER_PROCESS + ".bpmn", Bpmn.createExecutableProcess(TIMER_PROCESS)
				.camundaHistoryTimeToLive(1)
				.startEvent()
				.intermediateCatchEvent("Timer_OneSecond")
				.timerWithDuration("PT1S")
				.serviceTask(PROBE)
				.camundaDelegateExpression("${twoNodeProbe}")
				.endEvent()
				.done())
			.deploy();
		for (int i = 0; i < TIMER_INSTANCES; i++) {
			(i % 2 == 0 ? a : b).runtime().startProcessInstanceByKey(TIMER_PROCESS);
		}
		await(Duration.ofSeconds(40), "every timer instance ended", () -> a.history()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(TIMER_PROCESS)
			.finished()
			.count() == TIMER_INSTANCES);

		List<HistoricProcessInstance> ended = a.history().createHistoricProcessInstanceQuery()
			.processDefinitionKey(TIMER_PROCESS).list();
		for (HistoricProcessInstance instance : ended) {
			assertThat(a.history().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
				.activityId(PROBE).count()).as("the step after the timer of %s ran once", instance.getId()).isEqualTo(1);
		}
		Map<Object, Long> perNode = a.history().createHistoricVariableInstanceQuery().variableName("ranOn")
			.processDefinitionKey(TIMER_PROCESS).list().stream()
			.collect(Collectors.groupingBy(variable -> variable.getValue(), Collectors.counting()));
		System.out.println("Two nodes: timer instances continued per node " + perNode);

		await(Duration.ofSeconds(20), "the monthly billing timer fired three times", () -> timerStartRuns(FeeBillingProcess.KEY) >= 3);
		List<HistoricJobLog> successes = a.history().createHistoricJobLogQuery().successLog().list();
		// the history cleanup job lives for ever: in its nightly window it runs again and again
		assertThat(successes.stream()
			.filter(log -> !HistoryCleanupJobHandler.TYPE.equals(log.getJobDefinitionType()))
			.collect(Collectors.groupingBy(HistoricJobLog::getJobId, Collectors.counting())))
			.as("no job succeeded twice").allSatisfy((job, times) -> assertThat(times).as(job).isEqualTo(1));
		Map<String, Long> firings = successes.stream()
			.filter(log -> TimerStartEventJobHandler.TYPE.equals(log.getJobDefinitionType()))
			.collect(Collectors.groupingBy(log -> log.getJobDefinitionId() + " due " + log.getJobDueDate().getTime(),
					Collectors.counting()));
		assertThat(firings).as("every firing of a timer start event ran once").allSatisfy(
				(firing, times) -> assertThat(times).as(firing).isEqualTo(1));
		assertThat(timerStartRuns("FeeArrearsScanProcess")).as("the arrears scan fired").isPositive();
		assertThat(timerStartRuns("ReturnVisitCampaignProcess")).as("the routine visits fired").isPositive();
		assertThat(a.history().createHistoricActivityInstanceQuery().activityId("Task_ReturnVisit").count())
			.as("routine visits waited their timer and reached reception").isPositive();
		System.out.println("Two nodes: jobs run per node " + successes.stream()
			.collect(Collectors.groupingBy(HistoricJobLog::getHostname, Collectors.counting())));
		assertThat(a.runtime().createIncidentQuery().count()).as("no incident").isZero();
	}

	private static long timerStartRuns(String processKey) {
		return a.history().createHistoricJobLogQuery().successLog().processDefinitionKey(processKey).list().stream()
			.filter(log -> TimerStartEventJobHandler.TYPE.equals(log.getJobDefinitionType()))
			.count();
	}

	@Test
	@Order(3)
	void shouldBillEachUnitOnceWhenBothNodesBillTheSameMonth() throws Exception {
		YearMonth month = YearMonth.now().plusMonths(3);
		CyclicBarrier together = new CyclicBarrier(3);
		ExecutorService nodes = Executors.newFixedThreadPool(3);
		Callable<String> runOnA = () -> requestBilling(a, month, together);
		Callable<String> runOnB = () -> requestBilling(b, month, together);
		Future<String> processOnA = nodes.submit(runOnA);
		Future<String> processOnB = nodes.submit(runOnB);
		Future<BillingResult> directOnB = nodes.submit(() -> {
			together.await(30, TimeUnit.SECONDS);
			return b.bean(BillingRuns.class).issueMonthlyBills(month, "node-b");
		});
		nodes.shutdown();
		List<String> runs = List.of(processOnA.get(60, TimeUnit.SECONDS), processOnB.get(60, TimeUnit.SECONDS));
		BillingResult direct = directOnB.get(60, TimeUnit.SECONDS);
		await(Duration.ofSeconds(60), "both billing runs ended", () -> a.history().createHistoricProcessInstanceQuery()
			.processInstanceIds(Set.copyOf(runs)).finished().count() == 2);

		int occupied = a.bean(Households.class).occupied().size();
		JdbcTemplate jdbc = a.jdbc();
		int management = jdbc.queryForObject("""
				select count(*) from bill b join fee_item i on i.id = b.fee_item_id
				 where b.period = ? and i.code = ?""", Integer.class, month.toString(), BillingRuns.MANAGEMENT_FEE);
		assertThat(management).as("物业管理费 of every occupied unit, once").isEqualTo(occupied).isGreaterThan(300);
		int bills = jdbc.queryForObject("select count(*) from bill where period = ?", Integer.class, month.toString());
		// the process runs keep no figures (they bill every estate): the direct run's own are its rows
		assertThat(jdbc.queryForObject("select count(*) from bill where period = ? and issued_by = 'node-b'", Integer.class,
				month.toString())).as("the direct run issued what it says").isEqualTo(direct.issued());
		assertThat(a.history().createHistoricJobLogQuery().failureLog().processDefinitionKey(FeeBillingProcess.KEY).count())
			.as("no run failed on the other's bills").isZero();
		System.out.printf("Two nodes: %s billed once (%d bills); issued by the direct run %d%n", month, bills,
				direct.issued());
	}

	private static String requestBilling(Node node, YearMonth month, CyclicBarrier together) throws Exception {
		together.await(30, TimeUnit.SECONDS);
		return node.runtime()
			.createMessageCorrelation(FeeBillingProcess.BILLING_REQUESTED)
			.processInstanceBusinessKey("BILLING-MONTHLY-" + month)
			.setVariables(Map.of(FeeBillingProcess.Var.KIND, "MONTHLY", FeeBillingProcess.Var.PERIOD, month.toString(),
					FeeBillingProcess.Var.STARTED_BY, "cashier"))
			.correlateStartMessage()
			.getId();
	}

	@Test
	@Order(4)
	void shouldLetATaskBeClaimedOnOneNodeOnly() throws Exception {
		Task first = firstResponse(registerComplaint());
		as(a, "receptionist", () -> a.tasks().claim(first.getId(), "receptionist"));
		assertThatThrownBy(() -> as(b, "receptionist2", () -> b.tasks().claim(first.getId(), "receptionist2")))
			.as("claimed on node A, refused on node B").isInstanceOf(RuntimeException.class);
		assertThat(b.tasks().createTaskQuery().taskId(first.getId()).singleResult().getAssignee()).isEqualTo("receptionist");

		Task raced = firstResponse(registerComplaint());
		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		Future<Boolean> onA = nodes.submit(() -> tryClaim(a, "receptionist", raced.getId(), together));
		Future<Boolean> onB = nodes.submit(() -> tryClaim(b, "receptionist2", raced.getId(), together));
		nodes.shutdown();
		boolean wonOnA = onA.get(30, TimeUnit.SECONDS);
		boolean wonOnB = onB.get(30, TimeUnit.SECONDS);
		assertThat(wonOnA ^ wonOnB).as("exactly one of two claims at the same moment succeeds (A %s, B %s)", wonOnA, wonOnB)
			.isTrue();
		assertThat(a.tasks().createTaskQuery().taskId(raced.getId()).singleResult().getAssignee())
			.isEqualTo(wonOnA ? "receptionist" : "receptionist2");
	}

	private static ServiceCase registerComplaint() {
		return a.bean(CaseIntake.class).register(new CaseIntake.Registration(UUID.randomUUID().toString(),
				CaseType.COMPLAINT, "3-1-901", "钱女士", "13812345678", Channel.PHONE, "环境卫生", Urgency.NORMAL,
				"楼道垃圾未清运"), TianxiachengStaff.of(a.bean(EstateDirectory.class), "receptionist",
						StaffGroup.RECEPTION));
	}

	private static Task firstResponse(ServiceCase complaint) {
		return b.tasks().createTaskQuery().processInstanceBusinessKey(complaint.getCaseNumber())
			.taskDefinitionKey(ComplaintProcess.Element.FIRST_RESPONSE).singleResult();
	}

	private static boolean tryClaim(Node node, String user, String taskId, CyclicBarrier together) throws Exception {
		together.await(10, TimeUnit.SECONDS);
		try {
			as(node, user, () -> node.tasks().claim(taskId, user));
			return true;
		}
		catch (RuntimeException refused) {
			return false;
		}
	}

	private static void as(Node node, String user, Runnable engineCalls) {
		IdentityService identity = node.bean(IdentityService.class);
		// a receptionist of 天下城, whose tenant the case is in
		identity.setAuthentication(user, List.of(StaffGroup.RECEPTION.id()), List.of("TXC"));
		try {
			engineCalls.run();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	@Test
	@Order(5)
	void shouldLeaveTheJobOfAStoppedNodeToTheOtherAfterTheLockTime() throws Exception {
		a.bean(RepositoryService.class)
			.createDeployment()
			.name("two-nodes-async")
			.addModelInstance(ASYNC_PROCESS + ".bpmn", Bpmn.createExecutableProcess(ASYNC_PROCESS)
				.camundaHistoryTimeToLive(1)
				.startEvent()
				.serviceTask(PROBE)
				.camundaAsyncBefore()
				.camundaDelegateExpression("${twoNodeProbe}")
				.endEvent()
				.done())
			.deploy();
		String instance = a.runtime().startProcessInstanceByKey(ASYNC_PROCESS, Map.of("hold", true)).getId();
		await(Duration.ofSeconds(20), "a node took the job", () -> Probe.heldOn.get() != null);
		long takenAt = System.currentTimeMillis();
		Node stopped = Probe.heldOn.get().equals(a.name()) ? a : b;
		Node survivor = stopped == a ? b : a;
		// as a killed node: no more job acquisition at once, then the rest of it goes down
		((ProcessEngineConfigurationImpl) stopped.bean(ProcessEngine.class).getProcessEngineConfiguration())
			.getJobExecutor()
			.shutdown();
		CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> stopped.context().close());
		try {
			await(LOCK_TIME.plusSeconds(30), "the other node finished the job", () -> survivor.history()
				.createHistoricProcessInstanceQuery()
				.processInstanceId(instance)
				.finished()
				.count() == 1);
			long tookOver = System.currentTimeMillis() - takenAt;
			assertThat(survivor.history().createHistoricActivityInstanceQuery().processInstanceId(instance)
				.activityId(PROBE).list()).as("the step completed once").hasSize(1);
			assertThat(survivor.history().createHistoricVariableInstanceQuery().processInstanceId(instance)
				.variableName("ranOn").singleResult().getValue()).as("by the node still running").isEqualTo(survivor.name());
			Date lockExpired = new Date(takenAt + LOCK_TIME.toMillis());
			HistoricJobLog success = survivor.history().createHistoricJobLogQuery().processInstanceId(instance)
				.successLog().singleResult();
			assertThat(success.getHostname()).isEqualTo(survivor.name());
			assertThat(success.getTimestamp()).as("not before the stopped node's lock expired")
				.isAfterOrEqualTo(new Date(lockExpired.getTime() - 1_000));
			System.out.printf("Two nodes: %s stopped holding the job; %s finished it %d ms later (lock time %d ms)%n",
					stopped.name(), survivor.name(), tookOver, LOCK_TIME.toMillis());
		}
		finally {
			Probe.hold.countDown();
			stopping.get(60, TimeUnit.SECONDS);
		}
	}

	private static void await(Duration timeout, String what, BooleanSupplier condition) {
		long deadline = System.currentTimeMillis() + timeout.toMillis();
		while (!condition.getAsBoolean()) {
			assertThat(System.currentTimeMillis()).as("waiting until " + what).isLessThan(deadline);
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	/**
	 * The test processes' service task: records the node that ran it (a process variable, kept
	 * only if the step commits). With the variable {@code hold}, the first node to run it stops
	 * there, deaf to interrupts, as a node that died in the middle of the job.
	 */
	static final class Probe implements JavaDelegate {

		static final CountDownLatch hold = new CountDownLatch(1);

		static final AtomicReference<String> heldOn = new AtomicReference<>();

		private final String node;

		Probe(String node) {
			this.node = node;
		}

		@Override
		public void execute(DelegateExecution execution) {
			if (Boolean.TRUE.equals(execution.getVariable("hold")) && heldOn.compareAndSet(null, node)) {
				boolean released = false;
				while (!released) {
					try {
						released = hold.await(1, TimeUnit.MINUTES);
					}
					catch (InterruptedException stopping) {
						// a dead node does not react: keep holding the job
					}
				}
				throw new IllegalStateException(node + " was stopped in the middle of this job");
			}
			execution.setVariable("ranOn", node);
		}

	}

}
