package cn.tianxiacheng.servicecenter.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.OtherEstate;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.dunning.FeeDunningProcess;
import cn.tianxiacheng.servicecenter.fee.FeeBillingProcess;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * An estate abroad keeps its own clock: with its zone set to 洛杉矶时间 by the administrator, an owner's
 * promise to pay by a day is kept until 23:59:59 of that day in Los Angeles, a repair waiting for parts comes
 * back when its service center opens there, and the company's monthly
 * billing, fired when the month has begun in Shanghai but Los Angeles is still on the last day of the
 * month before, bills the estate the run's month, as every other estate.
 */
@IntegrationTest
class EstateZoneIntegrationTests extends IntegrationTestSupport {

	private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** ServiceRequestProcess's steps: the appointment, the work, the wait for parts. */
	private static final String SCHEDULE_APPOINTMENT = "Task_ScheduleAppointment";

	private static final String DO_WORK = "Task_DoWork";

	private static final String PARTS_ARRIVE = "Event_PartsArrive";

	@Autowired
	EstateTenants tenants;

	@Autowired
	EstateClock estateClock;

	private OtherEstate abroad;

	@BeforeEach
	void anEstateInLosAngeles() {
		abroad = OtherEstate.create(jdbc, tenants, identityService);
		for (String[] item : new String[][] { { "MANAGEMENT", "物业管理费", "AREA_MONTHLY", "3.10" },
				{ "PARKING", "车位租金", "SPACE_MONTHLY", "300" } }) {
			jdbc.update("insert into fee_item (estate_id, code, name, kind, income) values (?, ?, ?, ?, true)",
					abroad.estate().id(), item[0], item[1], item[2]);
			jdbc.update("""
					insert into fee_rate (fee_item_id, unit_type, price, valid_from)
					select id, null, ?, date '2020-01-01' from fee_item where estate_id = ? and code = ?""",
					new BigDecimal(item[3]), abroad.estate().id(), item[0]);
		}
		assertThat(WebSession.loggedIn(port, "admin").submit("/estates", "/estates/" + abroad.estate().code() + "/hours",
				"timeZone=" + encode(LOS_ANGELES.getId()) + "&officeHours=" + encode("09:00-17:00") + "&worksHours="
						+ encode("08:00-17:00"))
			.statusCode()).isEqualTo(302);
	}

	@Test
	void shouldKeepAnOwnersPromiseUntilMidnightInTheEstatesZone() {
		String unit = abroad.units().get(0);
		overdueBill(unit);
		fire(FeeDunningProcess.SCAN_KEY);
		ProcessInstance dunning = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(FeeDunningProcess.KEY)
			.processInstanceBusinessKey(FeeDunningProcess.businessKey(abroad.estate().code(), unit))
			.singleResult();
		assertThat(dunning.getTenantId()).isEqualTo(abroad.estate().code());
		LocalDate promised = LocalDate.now(clock).plusDays(5);

		StaffApi.work(rest, abroad.receptionist(), taskService.createTaskQuery().processInstanceId(dunning.getId())
			.taskDefinitionKey(FeeDunningProcess.Element.FIRST_REMINDER).singleResult().getId(),
				StaffApi.vars("outcome", "PROMISED", "promisedDate", promised.toString(), "note", "周末来缴"));

		Job promise = managementService.createJobQuery().processInstanceId(dunning.getId())
			.activityId(FeeDunningProcess.Element.FIRST_PROMISE_DUE).singleResult();
		assertThat(promise.getDuedate().toInstant()).as("23:59:59 in Los Angeles, 15:59:59 the day after in Shanghai")
			.isEqualTo(promised.atTime(23, 59, 59).atZone(LOS_ANGELES).toInstant());
	}

	@Test
	void shouldComeBackForARepairWaitingForPartsWhenTheEstatesServiceCenterOpens() throws InterruptedException {
		Map<String, Object> registered = StaffApi.call(rest, abroad.receptionist(), HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"SERVICE_REQUEST\",\"unitNumber\":\""
						+ abroad.units().get(1) + "\",\"contactName\":\"卫女士\",\"channel\":\"PHONE\","
						+ "\"category\":\"水电维修\",\"urgency\":\"NORMAL\",\"description\":\"厨房水管漏水\"}")
			.getBody();
		String pid = (String) registered.get("processInstanceId");
		LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
		workTask(abroad.engineer(), pid, SCHEDULE_APPOINTMENT,
				StaffApi.vars("appointmentAt", tomorrow + "T10:00", "opinion", "约明早十点"));
		LocalDate newDate = tomorrow.plusDays(3);

		workTask(abroad.engineer(), pid, DO_WORK,
				StaffApi.vars("workResult", "NEEDS_PARTS", "newDate", newDate.toString(), "opinion", "缺阀门"));

		StaffApi.awaitJobs(managementService, pid);
		Job partsArrive = managementService.createJobQuery().processInstanceId(pid)
			.activityId(PARTS_ARRIVE).singleResult();
		assertThat(partsArrive.getDuedate().toInstant()).as("09:00, its office opening, in Los Angeles")
			.isEqualTo(newDate.atTime(9, 0).atZone(LOS_ANGELES).toInstant());
		assertThat(runtimeService.getVariable(pid, "appointmentLabel"))
			.isEqualTo(newDate.getYear() + "年" + newDate.getMonthValue() + "月" + newDate.getDayOfMonth() + "日 09:00");
	}

	@Test
	void shouldBillTheRunsMonthInAnEstateStillOnTheLastDayOfTheMonthBefore() {
		YearMonth month = YearMonth.now(clock);
		Instant firstInShanghai = month.atDay(1).atTime(2, 0).atZone(SHANGHAI).toInstant();
		assertThat(LocalDate.ofInstant(firstInShanghai, LOS_ANGELES)).isEqualTo(month.minusMonths(1).atEndOfMonth());
		long lastBill = jdbc.queryForObject("select coalesce(max(id), 0) from bill", Long.class);
		estateClock.standAt(firstInShanghai);
		try {
			fire(FeeBillingProcess.KEY);
			assertThat(jdbc.queryForList("""
					select b.period from bill b join unit_address u on u.unit_id = b.unit_id
					 where u.estate_id = ?""", String.class, abroad.estate().id()))
				.as("the run's month, not the estate's own of its last day").containsExactly(month.toString(),
						month.toString());
		}
		finally {
			estateClock.runFree();
			// other tests take 天下城's units that have no bill of this month yet
			jdbc.update("delete from bill where id > ? and period = ?", lastBill, month.toString());
		}
	}

	private void overdueBill(String unitNumber) {
		LocalDate longAgo = LocalDate.now(clock).minusDays(120);
		jdbc.update("""
				insert into bill (unit_id, fee_item_id, period, subject, amount, due_date, description, issued_at, issued_by)
				select u.unit_id, f.id, ?, '', 88.80, ?, '测试', ?, 'test'
				  from unit_address u join fee_item f on f.estate_id = u.estate_id and f.code = 'MANAGEMENT'
				 where u.unit_number = ? and u.estate_id = ?""", YearMonth.from(longAgo).toString(),
				Date.valueOf(longAgo), Timestamp.from(clock.instant()), unitNumber, abroad.estate().id());
	}

	/** Fires the process's timer start event, as the engine does when it is due, and waits for the run to end. */
	private void fire(String processKey) {
		Set<String> before = instanceIds(processKey);
		Job timer = managementService.createJobQuery().processDefinitionKey(processKey).timers().list().stream()
			.filter(job -> job.getProcessInstanceId() == null)
			.findFirst()
			.orElseThrow();
		managementService.executeJob(timer.getId());
		String run = instanceIds(processKey).stream().filter(id -> !before.contains(id)).findFirst().orElseThrow();
		StaffApi.awaitJobs(managementService, run);
		assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(run).singleResult().getEndTime())
			.as(processKey + " ended").isNotNull();
	}

	private Set<String> instanceIds(String processKey) {
		return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).list().stream()
			.map(HistoricProcessInstance::getId)
			.collect(Collectors.toSet());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
