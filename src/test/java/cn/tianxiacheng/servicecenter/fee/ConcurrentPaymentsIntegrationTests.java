package cn.tianxiacheng.servicecenter.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.OpenTasks.OpenTask;
import cn.tianxiacheng.servicecenter.OpenTasks;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.TestDatabase;
import cn.tianxiacheng.servicecenter.dunning.FeeDunningProcess;
import cn.tianxiacheng.servicecenter.movein.MoveInProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * 50 payments at the same moment, half of them on units whose payment must move something on
 * (a move-in waiting for its opening fees, a dunning case waiting for the arrears): none fails,
 * none waits long, and every follow-up is done exactly once, after the payments' commits.
 */
@IntegrationTest
class ConcurrentPaymentsIntegrationTests extends IntegrationTestSupport {

	private static final int PAYMENTS = 50;

	@Autowired
	OpenTasks openTasks;

	@Test
	void shouldTakeFiftySimultaneousPaymentsAndDoEachFollowUpOnce() throws Exception {
		List<String> moveIns = new ArrayList<>();
		List<Map<String, Object>> payments = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			OpenTask moveIn = openTasks.moveIn();
			StaffApi.work(rest, "receptionist", moveIn.taskId(), StaffApi.vars("documentsResult", "COMPLETE", "opinion", "齐全"));
			StaffApi.work(rest, "receptionist", task(moveIn.processInstanceId()),
					StaffApi.vars("rulesSigned", true, "serviceAgreementSigned", true, "decorationNoticeSigned", true));
			StaffApi.awaitJobs(managementService, moveIn.processInstanceId());
			long unitId = jdbc.queryForObject("select unit_id from move_in where process_instance_id = ?", Long.class,
					moveIn.processInstanceId());
			moveIns.add(moveIn.processInstanceId());
			payments.add(Map.of("unitId", unitId, "amount", outstanding(unitId)));
		}
		List<String> dunningCases = new ArrayList<>();
		List<Long> dunned = jdbc.queryForList("""
				select u.unit_id from unit_address u where u.unit_status = 'OCCUPIED'
				   and u.estate_id = (select id from estate where code = 'TXC')
				   and not exists (select 1 from bill b where b.unit_id = u.unit_id) order by u.unit_id desc fetch first 13 rows only""",
				Long.class);
		for (long unitId : dunned) {
			String number = jdbc.queryForObject("select number from unit where id = ?", String.class, unitId);
			jdbc.update("""
					insert into bill (unit_id, fee_item_id, period, subject, amount, due_date, description, issued_at, issued_by)
					values (?, (select id from fee_item where code = 'MANAGEMENT' and estate_id = (select id from estate where code = 'TXC')), '2026-01', '', 198.00, ?, '测试欠费',
					        ?, 'test')""", unitId, Date.valueOf(LocalDate.now().minusDays(40)), Timestamp.from(Instant.now()));
			dunningCases.add(runtimeService.startProcessInstanceByKey(FeeDunningProcess.KEY,
					FeeDunningProcess.businessKey("TXC", number), Map.of(FeeDunningProcess.Var.UNIT_ID, unitId,
							FeeDunningProcess.Var.UNIT_NUMBER, number, FeeDunningProcess.Var.OVERDUE_AMOUNT, "198.00",
							FeeDunningProcess.Var.OLDEST_DUE_DATE, LocalDate.now().minusDays(40).toString()))
				.getId());
			payments.add(Map.of("unitId", unitId, "amount", new BigDecimal("198.00")));
		}
		for (long unitId : jdbc.queryForList(
				"select id from unit where status = 'OCCUPIED' and building_id in " + TIANXIACHENG_BUILDINGS
						+ " order by id fetch first " + (PAYMENTS - payments.size()) + " rows only", Long.class)) {
			payments.add(Map.of("unitId", unitId, "amount", new BigDecimal("50.00")));
		}

		ExecutorService cashiers = Executors.newFixedThreadPool(PAYMENTS);
		CountDownLatch together = new CountDownLatch(1);
		List<Future<Long>> timings = new ArrayList<>();
		for (Map<String, Object> payment : payments) {
			Callable<Long> pay = () -> {
				together.await();
				long started = System.nanoTime();
				ResponseEntity<Map<String, Object>> receipt = StaffApi.call(rest, "cashier", HttpMethod.POST,
						"/api/payments", "{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"unitId\":"
								+ payment.get("unitId") + ",\"amount\":" + payment.get("amount") + ",\"method\":\"WECHAT\"}");
				assertThat(receipt.getStatusCode()).as("payment for unit %s", payment.get("unitId")).isEqualTo(HttpStatus.OK);
				return Duration.ofNanos(System.nanoTime() - started).toMillis();
			};
			timings.add(cashiers.submit(pay));
		}
		together.countDown();
		long slowest = 0;
		for (Future<Long> timing : timings) {
			slowest = Math.max(slowest, timing.get());
		}
		cashiers.shutdown();
		System.out.printf("50 simultaneous payments on %s: slowest answered in %d ms%n",
				TestDatabase.KIND, slowest);
		assertThat(slowest).as("the slowest payment, in ms").isLessThan(5_000);

		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
			.queryForObject("select count(*) from event_publication where completion_date is null", Integer.class) == 0);
		for (String moveIn : moveIns) {
			StaffApi.awaitJobs(managementService, moveIn);
			assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(moveIn)
				.activityId(MoveInProcess.Element.PAID_AT_COUNTER).count()).as("move-in moved on once").isOne();
			assertThat(taskService.createTaskQuery().processInstanceId(moveIn)
				.taskDefinitionKey(MoveInProcess.Element.INSPECT_AND_HAND_OVER).count()).isOne();
		}
		for (String dunning : dunningCases) {
			assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(dunning)
				.activityId(FeeDunningProcess.Element.DUNNING_ENDED).count()).as("dunning ended once").isOne();
		}
	}

	private BigDecimal outstanding(long unitId) {
		Map<String, Object> account = StaffApi.call(rest, "cashier", HttpMethod.GET, "/api/units/" + unitId + "/account",
				null).getBody();
		return new BigDecimal(account.get("outstanding").toString());
	}

	private String task(String processInstanceId) {
		return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
	}

}
