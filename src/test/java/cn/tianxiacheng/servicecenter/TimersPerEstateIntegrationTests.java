package cn.tianxiacheng.servicecenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.tianxiacheng.servicecenter.casework.ReturnVisitProcess;
import cn.tianxiacheng.servicecenter.dunning.FeeDunningProcess;
import cn.tianxiacheng.servicecenter.evaluation.StaffEvaluationProcess;
import cn.tianxiacheng.servicecenter.fee.FeeBillingProcess;
import cn.tianxiacheng.servicecenter.system.EstateTenants;

/**
 * The company's timers (billing, the arrears scan, the routine visits, the inspection schedule, the
 * evaluation run) fire once for every estate and do each estate's work in it: what they start for a
 * record carries the tenant of the record's estate, so 天下城's staff find only 天下城's tasks in their
 * queues and another estate's staff only theirs; the run itself, which every estate's staff read,
 * keeps no figure of any estate.
 */
@IntegrationTest
class TimersPerEstateIntegrationTests extends IntegrationTestSupport {

	private static final String INSPECTION_SCHEDULE = "InspectionScheduleProcess";

	private static final String ROUND_STARTS = "Event_RoundStarts";

	@Autowired
	EstateTenants tenants;

	private OtherEstate other;

	@BeforeEach
	void anotherEstateWithItsFees() {
		other = OtherEstate.create(jdbc, tenants, identityService);
		for (String[] item : new String[][] { { "MANAGEMENT", "物业管理费", "AREA_MONTHLY", "3.10" },
				{ "PARKING", "车位租金", "SPACE_MONTHLY", "300" } }) {
			jdbc.update("insert into fee_item (estate_id, code, name, kind, income) values (?, ?, ?, ?, true)",
					other.estate().id(), item[0], item[1], item[2]);
			jdbc.update("""
					insert into fee_rate (fee_item_id, unit_type, price, valid_from)
					select id, null, ?, date '2020-01-01' from fee_item where estate_id = ? and code = ?""",
					new BigDecimal(item[3]), other.estate().id(), item[0]);
		}
	}

	@Test
	void shouldBillEachEstateAtItsOwnRatesWhenTheMonthlyTimerFires() {
		YearMonth month = YearMonth.now(clock);
		Map<String, Object> txcPlan = preview("cashier", month);
		Map<String, Object> otherPlan = preview(other.cashier(), month);
		Billed txcBefore = billed("TXC", month);
		long lastBill = jdbc.queryForObject("select coalesce(max(id), 0) from bill", Long.class);
		try {
			billTheMonth(month, txcPlan, otherPlan, txcBefore);
		}
		finally {
			// other tests take 天下城's units that have no bill of this month yet
			jdbc.update("delete from bill where id > ? and period = ?", lastBill, month.toString());
		}
	}

	private void billTheMonth(YearMonth month, Map<String, Object> txcPlan, Map<String, Object> otherPlan,
			Billed txcBefore) {
		String run = fire(FeeBillingProcess.KEY);

		Billed txcRun = billed("TXC", month).minus(txcBefore);
		assertThat(txcRun.bills()).as("天下城's bills as its cashier's preview said").isEqualTo(txcPlan.get("bills"));
		assertThat(txcRun.total()).isEqualByComparingTo(txcPlan.get("total").toString());
		// 2 units × 96.50 m² × 3.10 yuan
		assertThat(otherPlan.get("bills")).isEqualTo(2);
		Billed otherRun = billed(other.estate().code(), month);
		assertThat(otherRun.bills()).isEqualTo(2);
		assertThat(otherRun.total()).isEqualByComparingTo("598.30");
		assertThat(jdbc.queryForObject("""
				select count(*) from bill b join unit_address u on u.unit_id = b.unit_id
				  join fee_item f on f.id = b.fee_item_id
				 where b.period = ? and f.estate_id <> u.estate_id""", Integer.class, month.toString()))
			.as("no unit billed at another estate's fee items").isZero();
		assertThat(variablesOf(run)).as("the run keeps no estate's figures").doesNotContainKeys(
				FeeBillingProcess.Var.ISSUED, FeeBillingProcess.Var.ALREADY_ISSUED, FeeBillingProcess.Var.TOTAL);
	}

	@Test
	void shouldOpenEachEstatesDunningCasesInItsTenantWhenTheArrearsScanFires() {
		String txcUnit = newTianxiachengUnit();
		overdueBill(txcUnit, "TXC");
		String otherUnit = other.units().get(0);
		overdueBill(otherUnit, other.estate().code());

		String run = fire(FeeDunningProcess.SCAN_KEY);

		ProcessInstance txcCase = dunningCase("TXC", txcUnit);
		ProcessInstance otherCase = dunningCase(other.estate().code(), otherUnit);
		assertThat(txcCase.getTenantId()).isEqualTo("TXC");
		assertThat(otherCase.getTenantId()).isEqualTo(other.estate().code());
		assertThat(taskService.createTaskQuery().processInstanceId(otherCase.getId()).list())
			.isNotEmpty()
			.allMatch(task -> other.estate().code().equals(task.getTenantId()));
		assertSeenOnlyInTheirEstate("receptionist", txcCase.getId(), other.receptionist(), otherCase.getId());
		assertThat(variablesOf(run)).as("the scan keeps no estate's count").isEmpty();
	}

	@Test
	void shouldEndOnlyThePayingEstatesDunningCaseOfAUnitNumberBothEstatesHave() {
		String number = newTianxiachengUnit();
		jdbc.update("""
				insert into unit (building_id, entrance, floor, number, area_m2, type, status)
				select min(id), 8, 8, ?, 88.50, 'RESIDENTIAL', 'OCCUPIED' from building where estate_id = ?""", number,
				other.estate().id());
		overdueBill(number, "TXC");
		overdueBill(number, other.estate().code());

		fire(FeeDunningProcess.SCAN_KEY);

		Map<String, ProcessInstance> casesOfTheNumber = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(FeeDunningProcess.KEY)
			.variableValueEquals(FeeDunningProcess.Var.UNIT_NUMBER, number)
			.list()
			.stream()
			.collect(Collectors.toMap(ProcessInstance::getTenantId, instance -> instance));
		assertThat(casesOfTheNumber).as("a case in each estate").containsOnlyKeys("TXC", other.estate().code());
		casesOfTheNumber.forEach((estate, instance) -> assertThat(instance.getBusinessKey()).as("its estate's key")
			.isEqualTo("CJ-" + estate + "-" + number));
		Map<String, String> cases = casesOfTheNumber.entrySet().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().getId()));
		assertSeenOnlyInTheirEstate("receptionist", cases.get("TXC"), other.receptionist(),
				cases.get(other.estate().code()));
		long txcUnit = jdbc.queryForObject("""
				select unit_id from unit_address
				 where unit_number = ? and estate_id = (select id from estate where code = 'TXC')""", Long.class, number);
		assertThat(StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/payments", "{\"idempotencyKey\":\""
				+ UUID.randomUUID() + "\",\"unitId\":" + txcUnit + ",\"amount\":88.80,\"method\":\"CASH\"}")
			.getStatusCode()).isEqualTo(HttpStatus.OK);

		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> runtimeService.createProcessInstanceQuery()
			.processInstanceId(cases.get("TXC")).count() == 0);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(cases.get(other.estate().code())).count())
			.as("the other estate's unit still owes").isOne();
	}

	@Test
	void shouldTakeADunningCaseKeyedBeforeTheEstatesCodeAsItsUnitsCase() {
		String number = newTianxiachengUnit();
		overdueBill(number, "TXC");
		long unitId = jdbc.queryForObject("""
				select unit_id from unit_address
				 where unit_number = ? and estate_id = (select id from estate where code = 'TXC')""", Long.class, number);
		String before = runtimeService.startProcessInstanceByKey(FeeDunningProcess.KEY, "CJ-" + number,
				Map.of(FeeDunningProcess.Var.UNIT_ID, unitId, FeeDunningProcess.Var.UNIT_NUMBER, number,
						FeeDunningProcess.Var.OVERDUE_AMOUNT, "88.80", FeeDunningProcess.Var.OLDEST_DUE_DATE,
						LocalDate.now(clock).minusDays(120).toString()))
			.getId();

		fire(FeeDunningProcess.SCAN_KEY);

		assertThat(runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(FeeDunningProcess.KEY)
			.variableValueEquals(FeeDunningProcess.Var.UNIT_ID, unitId)
			.list()).as("no second case for the unit").extracting(ProcessInstance::getId).containsExactly(before);
		assertThat(StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/payments", "{\"idempotencyKey\":\""
				+ UUID.randomUUID() + "\",\"unitId\":" + unitId + ",\"amount\":88.80,\"method\":\"CASH\"}")
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> runtimeService.createProcessInstanceQuery()
			.processInstanceId(before).count() == 0);
	}

	@Test
	void shouldVisitEachEstatesUnitsInItsTenantWhenTheCampaignFires() {
		Set<String> visitsBefore = instanceIds(ReturnVisitProcess.KEY);

		String run = fire(ReturnVisitProcess.CAMPAIGN_KEY);

		List<String> visits = instanceIds(ReturnVisitProcess.KEY).stream().filter(id -> !visitsBefore.contains(id))
			.toList();
		try {
			assertThat(visits).isNotEmpty();
			for (String visit : visits) {
				assertThat(tenantOf(visit)).as(visit).isEqualTo(estateOfUnit(unitOf(visit)));
				assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(visit).singleResult()
					.getBusinessKey()).as("the key names the estate: its unit's number is not the deployment's only")
					.contains("-" + tenantOf(visit) + "-");
			}
			List<String> otherVisits = visits.stream().filter(visit -> other.estate().code().equals(tenantOf(visit)))
				.toList();
			assertThat(otherVisits).as("one of its 2 occupied units: 5 %, rounded up").hasSize(1);
			String txcVisit = visits.stream().filter(visit -> "TXC".equals(tenantOf(visit))).findFirst().orElseThrow();
			for (String visit : List.of(otherVisits.get(0), txcVisit)) {
				managementService.executeJob(managementService.createJobQuery().processInstanceId(visit).singleResult()
					.getId());
			}
			assertSeenOnlyInTheirEstate("receptionist", txcVisit, other.receptionist(), otherVisits.get(0));
			assertThat(variablesOf(run)).as("the campaign keeps no estate's count").isEmpty();
		}
		finally {
			// the month's visits drawn here would be missing from the draw of the routine visits' own test
			runtimeService.deleteProcessInstancesIfExists(visits, "test", true, true, true);
			historyService.deleteHistoricProcessInstancesIfExists(visits);
		}
	}

	@Test
	void shouldOpenEachEstatesRoundsInItsTenantWhenTheScheduleFires() throws InterruptedException {
		long txcRoute = engineeringRoute("TXC");
		long otherRoute = engineeringRoute(other.estate().code());

		String run = fire(INSPECTION_SCHEDULE);

		String txcRound = startedRound(txcRoute, "TXC");
		String otherRound = startedRound(otherRoute, other.estate().code());
		assertSeenOnlyInTheirEstate("engineer", txcRound, other.engineer(), otherRound);
		assertThat(variablesOf(run)).as("the schedule keeps no estate's count").isEmpty();
	}

	@Test
	void shouldStartEachEstatesEvaluationsInItsTenantWhenTheRunFires() {
		String run = fire(StaffEvaluationProcess.RUN_KEY);

		Date period = jdbc.queryForObject("select max(period_start) from evaluation_sheet where staff_id = ?", Date.class,
				other.receptionist());
		List<Map<String, Object>> sheets = jdbc.queryForList("""
				select s.sheet_number, s.staff_id, e.code from evaluation_sheet s join estate e on e.id = s.estate_id
				 where s.period_start = ?""", period);
		Map<String, String> instances = new HashMap<>();
		for (Map<String, Object> sheet : sheets) {
			HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
				.processInstanceBusinessKey((String) sheet.get("SHEET_NUMBER"))
				.singleResult();
			assertThat(instance.getTenantId()).as("sheet %s", sheet.get("SHEET_NUMBER")).isEqualTo(sheet.get("CODE"));
			instances.put((String) sheet.get("STAFF_ID"), instance.getId());
		}
		assertThat(instances).containsKeys(other.receptionist(), "receptionist");
		assertSeenOnlyInTheirEstate("manager", instances.get("receptionist"), other.manager(),
				instances.get(other.receptionist()));
		assertThat(variablesOf(run)).as("the run keeps no estate's count").isEmpty();
	}

	/**
	 * Fires the process's timer start event, as the engine does when it is due, and waits for the run
	 * to end; the run's instance.
	 */
	private String fire(String processKey) {
		Set<String> before = instanceIds(processKey);
		Job timer = managementService.createJobQuery().processDefinitionKey(processKey).timers().list().stream()
			.filter(job -> job.getProcessInstanceId() == null)
			.findFirst()
			.orElseThrow();
		managementService.executeJob(timer.getId());
		String run = instanceIds(processKey).stream().filter(id -> !before.contains(id)).findFirst().orElseThrow();
		StaffApi.awaitJobs(managementService, run);
		HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery().processInstanceId(run)
			.singleResult();
		assertThat(ended.getEndTime()).as(processKey + " ended").isNotNull();
		assertThat(ended.getTenantId()).as("the company's run belongs to no estate").isNull();
		return run;
	}

	/**
	 * Each staff member finds the task of their estate's instance in Tasklist's queue, and not the other
	 * estate's.
	 */
	private void assertSeenOnlyInTheirEstate(String txcStaff, String txcInstance, String otherStaff,
			String otherInstance) {
		assertThat(tasksSeen(txcStaff, txcInstance)).as("天下城's task in 天下城's queue").isOne();
		assertThat(tasksSeen(otherStaff, txcInstance)).as("天下城's task in the other estate's queue").isZero();
		assertThat(tasksSeen(otherStaff, otherInstance)).as("the other estate's task in its queue").isOne();
		assertThat(tasksSeen(txcStaff, otherInstance)).as("the other estate's task in 天下城's queue").isZero();
	}

	private int tasksSeen(String user, String processInstanceId) {
		ResponseEntity<List<Map<String, Object>>> tasks = rest.withBasicAuth(user, "demo")
			.exchange("/engine-rest/task?candidateUser=" + user + "&processInstanceId=" + processInstanceId,
					HttpMethod.GET, null, new ParameterizedTypeReference<>() {
					});
		assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
		return tasks.getBody().size();
	}

	private Map<String, Object> preview(String cashier, YearMonth month) {
		ResponseEntity<Map<String, Object>> plan = StaffApi.call(rest, cashier, HttpMethod.GET,
				"/api/billing-runs/preview?kind=MONTHLY&period=" + month, null);
		assertThat(plan.getStatusCode()).isEqualTo(HttpStatus.OK);
		return plan.getBody();
	}

	private record Billed(int bills, BigDecimal total) {

		Billed minus(Billed before) {
			return new Billed(bills - before.bills, total.subtract(before.total));
		}

	}

	private Billed billed(String estateCode, YearMonth month) {
		return jdbc.queryForObject("""
				select count(*), coalesce(sum(b.amount), 0) from bill b join unit_address u on u.unit_id = b.unit_id
				 where u.estate_id = (select id from estate where code = ?) and b.period = ?""",
				(rs, i) -> new Billed(rs.getInt(1), rs.getBigDecimal(2)), estateCode, month.toString());
	}

	/** An occupied unit of 天下城 that no other test knows; its number. */
	private String newTianxiachengUnit() {
		String number = "8-8-" + UUID.randomUUID().toString().replaceAll("\\D", "").substring(0, 6);
		jdbc.update("""
				insert into unit (building_id, entrance, floor, number, area_m2, type, status)
				select min(b.id), 8, 8, ?, 88.50, 'RESIDENTIAL', 'OCCUPIED'
				  from building b join estate e on e.id = b.estate_id where e.code = 'TXC'""", number);
		return number;
	}

	private void overdueBill(String unitNumber, String estateCode) {
		LocalDate longAgo = LocalDate.now(clock).minusDays(120);
		jdbc.update("""
				insert into bill (unit_id, fee_item_id, period, subject, amount, due_date, description, issued_at, issued_by)
				select u.unit_id, f.id, ?, '', 88.80, ?, '测试', ?, 'test'
				  from unit_address u join fee_item f on f.estate_id = u.estate_id and f.code = 'MANAGEMENT'
				 where u.unit_number = ? and u.estate_id = (select id from estate where code = ?)""",
				YearMonth.from(longAgo).toString(), Date.valueOf(longAgo), Timestamp.from(clock.instant()), unitNumber,
				estateCode);
	}

	private ProcessInstance dunningCase(String estateCode, String unitNumber) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(FeeDunningProcess.KEY)
			.processInstanceBusinessKey(FeeDunningProcess.businessKey(estateCode, unitNumber))
			.singleResult();
	}

	/** An active route of the estate walked by engineering, with one checkpoint; its id. */
	private long engineeringRoute(String estateCode) {
		String name = "定时测试路线-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.update("""
				insert into inspection_route (name, duty_group, active, estate_id)
				values (?, 'engineering', true, (select id from estate where code = ?))""", name, estateCode);
		long id = jdbc.queryForObject("select id from inspection_route where name = ?", Long.class, name);
		jdbc.update("""
				insert into inspection_checkpoint (route_id, position, name, kind, location, checklist, case_unit_number,
				       case_category) values (?, 1, '配电室', 'EQUIPMENT', '地下一层', '电压正常', '1-1-101', '水电维修')""", id);
		return id;
	}

	/**
	 * The route's rounds the schedule opened, each of the route's estate and in its tenant; the last one's
	 * instance, its round started (its walk task open).
	 */
	private String startedRound(long routeId, String estateCode) throws InterruptedException {
		List<Map<String, Object>> rounds = jdbc.queryForList("""
				select r.process_instance_id, e.code from inspection_round r join estate e on e.id = r.estate_id
				 where r.route_id = ? order by r.starts_at""", routeId);
		assertThat(rounds).as("today's rounds not over, and tomorrow's").hasSizeBetween(2, 4);
		for (Map<String, Object> round : rounds) {
			assertThat(round.get("CODE")).isEqualTo(estateCode);
			assertThat(tenantOf((String) round.get("PROCESS_INSTANCE_ID"))).isEqualTo(estateCode);
		}
		String instance = (String) rounds.get(rounds.size() - 1).get("PROCESS_INSTANCE_ID");
		managementService.executeJob(managementService.createJobQuery().processInstanceId(instance)
			.activityId(ROUND_STARTS).singleResult().getId());
		awaitTask(instance, "Task_WalkRound");
		return instance;
	}

	private Set<String> instanceIds(String processKey) {
		return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).list().stream()
			.map(HistoricProcessInstance::getId)
			.collect(Collectors.toCollection(HashSet::new));
	}

	private String tenantOf(String processInstanceId) {
		return historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
			.getTenantId();
	}

	private long unitOf(String processInstanceId) {
		return ((Number) historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
			.variableName("unitId").singleResult().getValue()).longValue();
	}

	private String estateOfUnit(long unitId) {
		return jdbc.queryForObject("""
				select e.code from unit_address u join estate e on e.id = u.estate_id where u.unit_id = ?""",
				String.class, unitId);
	}

	private Map<String, Object> variablesOf(String processInstanceId) {
		return historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list().stream()
			.filter(variable -> !FeeBillingProcess.Var.HEATING_SEASON_STARTS.equals(variable.getName()))
			.collect(Collectors.toMap(HistoricVariableInstance::getName, variable -> String.valueOf(variable.getValue())));
	}

}
