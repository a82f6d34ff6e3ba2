package cn.tianxiacheng.servicecenter.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.ModuleTestDatabase;
import cn.tianxiacheng.servicecenter.TestDatabase;
import cn.tianxiacheng.servicecenter.assistance.AssistanceRequestProcess;
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess;
import cn.tianxiacheng.servicecenter.fee.Ledger;
import cn.tianxiacheng.servicecenter.movein.MoveInProcess;
import cn.tianxiacheng.servicecenter.parking.ParkingLeaseProcess;
import cn.tianxiacheng.servicecenter.release.GoodsReleaseProcess;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import cn.tianxiacheng.servicecenter.system.EstateDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * The embedded default's first start: the estate's last 90 days are made in the background, and
 * then the dashboard, the audit search and the evaluations show them. A context of its own (the
 * suite's keeps the demo's past off), on its own engine and database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "servicecenter.demo.history=true", "camunda.bpm.generate-unique-process-engine-name=true",
				"camunda.bpm.generate-unique-process-application-name=true", "camunda.bpm.webapp.enabled=false" })
@ContextConfiguration(initializers = ModuleTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoHistoryIntegrationTests extends IntegrationTestSupport {

	private static final String TIANXIACHENG_UNITS = "(select id from unit where building_id in " + TIANXIACHENG_BUILDINGS
			+ ")";

	@Autowired
	Dashboard dashboard;

	@Autowired
	EstateDirectory estates;

	@Autowired
	AuditSearch search;

	@Autowired
	Ledger ledger;

	@BeforeAll
	void awaitThePast() {
		await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
			.until(() -> jdbc.queryForObject("select count(*) from demo_history where ended_at is not null", Integer.class) == 1);
		System.out.println("Demo history made in " + jdbc.queryForObject("select seconds from demo_history", Integer.class)
				+ " s on " + TestDatabase.KIND);
	}

	@Test
	void shouldRunTheClocksFreeWithNoJobLeftDueInThePast() {
		assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(1));
		assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), Instant.now()).abs())
			.isLessThan(Duration.ofSeconds(1));
		assertThat(managementService.createJobQuery().duedateLowerThan(Date.from(Instant.now().minusSeconds(120)))
			.executable().list()).as("no job due longer than the making took").isEmpty();
	}

	@Test
	void shouldShowThirtyDaysOfCasesOnTheDashboard() {
		List<Dashboard.Day> trend = dashboard.now(estates.all().stream().filter(e -> e.code().equals("TXC")).findFirst().orElseThrow())
			.trend();
		assertThat(trend.stream().filter(day -> day.opened() > 0).count()).as("days with new cases").isGreaterThanOrEqualTo(25);
		assertThat(trend.stream().filter(day -> day.closed() > 0).count()).as("days with closed cases").isGreaterThanOrEqualTo(25);
	}

	@Test
	void shouldFindCasesOfEveryKindInEveryState() {
		for (String kind : List.of("ComplaintProcess", "ServiceRequestProcess", "ReturnVisitProcess")) {
			for (String state : List.of("ACTIVE", "COMPLETED")) {
				assertThat(search.find("TXC", criteria(kind, state, false), 0, 1).total()).as("%s %s", kind, state).isPositive();
			}
		}
		assertThat(search.find("TXC", criteria(AuditSearch.CASES, null, true), 0, 1).total()).as("escalated by a timer")
			.isPositive();
		LocalDate today = LocalDate.now(clock);
		assertThat(jdbc.queryForObject("select min(START_TIME_) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'ComplaintProcess'",
				java.sql.Timestamp.class).toInstant()).isBefore(today.minusDays(80).atStartOfDay(clock.getZone()).toInstant());
		assertThat(jdbc.queryForObject("select count(*) from ACT_HI_VARINST where NAME_ = 'satisfaction'", Integer.class))
			.as("return visits scored").isGreaterThan(50);
	}

	@Test
	void shouldLeaveSomeUnitsInArrearsAndMostPaid() {
		LocalDate today = LocalDate.now(clock);
		long tianxiacheng = estates.all().stream().filter(e -> e.code().equals("TXC")).findFirst().orElseThrow().id();
		List<Ledger.Arrears> arrears = ledger.arrears(tianxiacheng, today);
		int billed = jdbc.queryForObject("select count(distinct unit_id) from bill where unit_id in " + TIANXIACHENG_UNITS,
				Integer.class);
		assertThat(jdbc.queryForObject("select count(distinct period) from bill where period like '20%-%'", Integer.class))
			.as("months billed").isGreaterThanOrEqualTo(3);
		assertThat(arrears).as("units in arrears, from the ledger").isNotEmpty();
		assertThat(arrears.size()).as("most pay").isLessThan(billed / 4);
		assertThat(jdbc.queryForObject("select count(*) from payment where unit_id in " + TIANXIACHENG_UNITS, Integer.class))
			.isGreaterThan(billed / 2);
		assertThat(search.find("TXC", criteria("FeeDunningProcess", null, false), 0, 1).total()).as("dunning opened").isPositive();
	}

	@Test
	void shouldBillTheSmallerEstatesAndLetTheirOwnersPayAtTheirOwnCounterOnly() {
		for (String[] estate : new String[][] { { "CHY", "cuihureception" }, { "JJH", "jinjiangreception" } }) {
			String units = "(select unit_id from unit_address where estate_id = (select id from estate where code = '%s'))"
				.formatted(estate[0]);
			assertThat(jdbc.queryForObject("select count(distinct unit_id) from bill where unit_id in " + units, Integer.class))
				.as("%s billed by the company's monthly run", estate[0]).isPositive();
			assertThat(jdbc.queryForList("select distinct received_by from payment where unit_id in " + units, String.class))
				.as("paid at %s's own counter", estate[0]).containsExactly(estate[1]);
			for (String table : List.of("decoration", "move_in", "release_pass", "assistance_request", "parking_lease")) {
				assertThat(jdbc.queryForObject("select count(*) from %s where unit_id in %s".formatted(table, units),
						Integer.class)).as("the demo's other stories are 天下城's: %s", table).isZero();
			}
		}
	}

	@Test
	void shouldFinishTwoEvaluationRoundsAndPublishAStatement() {
		assertThat(jdbc.queryForObject("""
				select count(distinct period_start) from evaluation_sheet
				 where status = 'APPROVED' and period_start < (select max(period_start) from evaluation_sheet)""",
				Integer.class)).as("finished rounds").isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from evaluation_sheet where status <> 'APPROVED'", Integer.class))
			.as("the last round under way").isPositive();
		assertThat(jdbc.queryForObject("select count(*) from published_statement", Integer.class)).isPositive();
	}

	@Test
	void shouldHaveADecorationUnderWayOneAcceptedAndOneAwaitingReview() {
		List<String> underWay = jdbc.queryForList("select process_instance_id from decoration where status = 'IN_PROGRESS'",
				String.class);
		assertThat(underWay).as("a decoration under way").isNotEmpty();
		assertThat(runtimeService.createExecutionQuery().processInstanceId(underWay.get(0))
			.activityId(DecorationApprovalProcess.Element.COMPLETION_APPLIED).count())
			.as("its works run, waiting for the owner to apply for acceptance").isOne();
		assertThat(jdbc.queryForObject("select count(*) from decoration_inspection i join decoration d on d.id = i.decoration_id"
				+ " where d.status = 'IN_PROGRESS'", Integer.class)).as("inspected every few days").isGreaterThanOrEqualTo(5);
		String accepted = jdbc.queryForObject("select process_instance_id from decoration where status = 'ACCEPTED'",
				String.class);
		assertThat(runtimeService.createExecutionQuery().processInstanceId(accepted)
			.activityId(DecorationApprovalProcess.Element.HOLD_PERIOD_ENDS).count()).as("the deposit held after acceptance")
			.isOne();
		String applied = jdbc.queryForObject("select process_instance_id from decoration where status = 'APPLIED'",
				String.class);
		assertThat(taskService.createTaskQuery().processInstanceId(applied)
			.taskDefinitionKey(DecorationApprovalProcess.Element.ENGINEERING_REVIEW).count())
			.as("the latest application waits for engineering").isOne();
	}

	@Test
	void shouldHavePassesUsedAtTheGateAndPassesExpired() {
		assertThat(jdbc.queryForObject("""
				select count(*) from release_pass p where p.status = 'USED'
				   and exists (select 1 from gate_check c where c.released_pass_id = p.id)""", Integer.class))
			.as("released at the gate").isGreaterThanOrEqualTo(5);
		List<String> expired = jdbc.queryForList("select process_instance_id from release_pass where status = 'EXPIRED'",
				String.class);
		assertThat(expired).as("never used").isNotEmpty();
		assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(expired.get(0)).singleResult()
			.getEndActivityId()).as("ended by the window's timer").isEqualTo(GoodsReleaseProcess.Element.PASS_EXPIRED);
	}

	@Test
	void shouldHaveLeasesEndingSoonAndOneEnded() {
		LocalDate today = LocalDate.now(clock);
		assertThat(jdbc.queryForObject("select count(*) from parking_lease where status = 'ACTIVE' and end_date between ? and ?",
				Integer.class, java.sql.Date.valueOf(today), java.sql.Date.valueOf(today.plusDays(10))))
			.as("leases ending within 10 days").isGreaterThanOrEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from parking_lease where status = 'ACTIVE' and end_date > ?",
				Integer.class, java.sql.Date.valueOf(today.plusDays(60)))).as("a lease for the year").isPositive();
		assertThat(jdbc.queryForObject("select count(*) from parking_lease where status = 'ENDED'", Integer.class))
			.as("ran out, the space taken back after the grace period").isPositive();
		assertThat(historyService.createHistoricTaskInstanceQuery()
			.taskDefinitionKey(ParkingLeaseProcess.Element.SECOND_REMINDER_CALL).finished().count())
			.as("reception called before the end").isPositive();
	}

	@Test
	void shouldHaveCertificatesIssuedAndCalledBackAndDocumentsChased() {
		assertThat(jdbc.queryForObject("select count(*) from certificate", Integer.class)).as("certificates sealed")
			.isGreaterThanOrEqualTo(3);
		assertThat(jdbc.queryForObject("select count(*) from assistance_request where status = 'CLOSED' and satisfaction >= 4",
				Integer.class)).as("handed over and called back").isGreaterThanOrEqualTo(3);
		assertThat(historyService.createHistoricActivityInstanceQuery()
			.activityId(AssistanceRequestProcess.Element.FOLLOW_UP_DUE).finished().count())
			.as("the developer chased again").isPositive();
	}

	@Test
	void shouldHaveOwnersMovedInAndOneWaitingForTheKeys() {
		// the demo's move-ins (contract TXC-…), not those of other tests sharing the PostgreSQL database
		List<Long> movedIn = jdbc.queryForList(
				"select unit_id from move_in where status = 'COMPLETED' and contract_number like 'TXC-%' order by id",
				Long.class);
		assertThat(movedIn).as("moved in").hasSizeGreaterThanOrEqualTo(2);
		assertThat(jdbc.queryForObject("select status from unit where id = ?", String.class, movedIn.get(0)))
			.isEqualTo("OCCUPIED");
		assertThat(jdbc.queryForObject("select count(*) from service_case where unit_id in (?, ?) and category = '房屋质量'",
				Integer.class, movedIn.get(0), movedIn.get(1))).as("a defect found at the hand-over, a repair").isPositive();
		String open = jdbc.queryForObject("select process_instance_id from move_in where status = 'OPEN' and contract_number like 'TXC-%'", String.class);
		assertThat(taskService.createTaskQuery().processInstanceId(open)
			.taskDefinitionKeyIn(MoveInProcess.Element.COLLECT_OPENING_FEES, MoveInProcess.Element.INSPECT_AND_HAND_OVER)
			.count()).as("the latest waits for its keys, at the counter or the hand-over").isOne();
	}

	private static AuditSearch.Criteria criteria(String kind, String state, boolean escalated) {
		return new AuditSearch.Criteria(null, kind, null, null, null, null, state, false, escalated, null);
	}

	@Test
	void shouldScreenshotWhatTheManagerAndTheAuditorSee() {
		assumeTrue(TestDatabase.KIND.equals("h2"), "the pages are the same on PostgreSQL");
		try (Browser manager = Browser.open(port, 1400).login("manager")) {
			manager.go("/dashboard");
			manager.waitFor(By.cssSelector("#trend canvas"));
			manager.screenshot("90-demo-dashboard");
			manager.go("/evaluations");
			manager.screenshot("92-demo-evaluations-being-scored");
			manager.click(By.partialLinkText("←"));
			assertThat(manager.text()).contains("已审批");
			manager.screenshot("93-demo-evaluations-approved");
		}
		try (Browser auditor = Browser.open(port, 1400).login("auditor")) {
			auditor.go("/audit?kind=CASES");
			auditor.screenshot("91-demo-audit-search");
		}
	}

}
