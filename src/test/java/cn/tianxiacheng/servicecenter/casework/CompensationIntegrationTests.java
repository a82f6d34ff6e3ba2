package cn.tianxiacheng.servicecenter.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * The manager settles a complaint with compensation (补偿): a credit lands in the unit's account in
 * the fee ledger and covers its bills, a cash payout is kept for the counter, both show on the case
 * page; a compensation without its kind is refused and changes nothing; no one takes a
 * "compensation" payment at the counter.
 */
@IntegrationTest
class CompensationIntegrationTests extends IntegrationTestSupport {

	@Test
	void shouldCreditTheUnitsAccountAndShowItOnTheCasePage() {
		String caseNumber = escalatedComplaint("3-2-1101");
		long unitId = jdbc.queryForObject("select id from unit where number = '3-2-1101'", Long.class);
		BigDecimal paidBefore = paymentsOf(unitId);

		StaffApi.work(rest, "manager", managerTask(caseNumber).getId(), StaffApi.vars("managerDecision", "RESOLVED",
				"compensation", 50.5, "compensationKind", "CREDIT", "opinion", "停水未提前通知，补偿一个月水费"));

		assertThat(jdbc.queryForObject("select amount from compensation where case_number = ?", BigDecimal.class,
				caseNumber)).isEqualByComparingTo("50.50");
		assertThat(paymentsOf(unitId).subtract(paidBefore)).as("a credit of 50.50 in the unit's account")
			.isEqualByComparingTo("50.50");
		assertThat(jdbc.queryForObject("""
				select p.receipt_number from payment p join compensation c on c.payment_id = p.id
				 where c.case_number = ? and p.method = 'COMPENSATION' and p.received_by = 'manager'""", String.class,
				caseNumber)).matches("TXC-BC\\d{4}-\\d{6}");
		String page = WebSession.loggedIn(port, "receptionist").get("/cases/" + caseNumber).body();
		assertThat(page).contains("补偿", "抵扣物业费", "50.50", "刘强");
	}

	@Test
	void shouldKeepACashPayoutForTheCounterWithoutTouchingTheAccount() {
		String caseNumber = escalatedComplaint("3-2-1102");
		long unitId = jdbc.queryForObject("select id from unit where number = '3-2-1102'", Long.class);
		BigDecimal paidBefore = paymentsOf(unitId);

		StaffApi.work(rest, "manager", managerTask(caseNumber).getId(), StaffApi.vars("managerDecision", "RESOLVED",
				"compensation", 200, "compensationKind", "PAYOUT", "opinion", "车辆被落物砸伤，现金赔付"));

		assertThat(jdbc.queryForMap("select kind, amount, payment_id from compensation where case_number = ?",
				caseNumber)).containsEntry("kind", "PAYOUT").containsEntry("payment_id", null);
		assertThat(paymentsOf(unitId)).isEqualByComparingTo(paidBefore);
		assertThat(WebSession.loggedIn(port, "manager").get("/cases/" + caseNumber).body()).contains("现金赔付",
				"200.00", "到收费处领取现金");
	}

	@Test
	void shouldRefuseACompensationWithoutItsKindAndChangeNothing() {
		String caseNumber = escalatedComplaint("3-2-1103");
		Task task = managerTask(caseNumber);
		StaffApi.call(rest, "manager", HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/claim",
				"{\"userId\":\"manager\"}");

		var refused = StaffApi.call(rest, "manager", HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete",
				StaffApi.completion(StaffApi.vars("managerDecision", "RESOLVED", "compensation", 80, "opinion", "补偿")));

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().get("message").toString()).contains("请选择补偿方式");
		assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isOne();
		assertThat(jdbc.queryForObject("select count(*) from compensation where case_number = ?", Integer.class,
				caseNumber)).isZero();
	}

	@Test
	void shouldNotTakeACompensationPaymentAtTheCounter() {
		long unitId = jdbc.queryForObject("select id from unit where number = '3-2-1104'", Long.class);
		BigDecimal paidBefore = paymentsOf(unitId);
		var refused = StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/payments", "{\"idempotencyKey\":\""
				+ UUID.randomUUID() + "\",\"unitId\":" + unitId + ",\"amount\":10.00,\"method\":\"COMPENSATION\"}");

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(paymentsOf(unitId)).isEqualByComparingTo(paidBefore);
	}

	private String escalatedComplaint(String unitNumber) {
		Map<String, Object> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"COMPLAINT\",\"unitNumber\":\"" + unitNumber
						+ "\",\"contactName\":\"郑女士\",\"channel\":\"PHONE\",\"category\":\"服务态度\","
						+ "\"urgency\":\"NORMAL\",\"description\":\"要求补偿\"}").getBody();
		String caseNumber = (String) registered.get("caseNumber");
		StaffApi.work(rest, "receptionist", openTask(caseNumber).getId(),
				StaffApi.vars("decision", "ESCALATE", "opinion", "业主要求补偿，前台无权决定"));
		return caseNumber;
	}

	private Task managerTask(String caseNumber) {
		Task task = openTask(caseNumber);
		assertThat(task.getTaskDefinitionKey()).isEqualTo(ComplaintProcess.Element.MANAGER_HANDLES);
		return task;
	}

	private Task openTask(String caseNumber) {
		return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
	}

	private BigDecimal paymentsOf(long unitId) {
		return jdbc.queryForObject("select coalesce(sum(amount), 0) from payment where unit_id = ?", BigDecimal.class,
				unitId);
	}

}
