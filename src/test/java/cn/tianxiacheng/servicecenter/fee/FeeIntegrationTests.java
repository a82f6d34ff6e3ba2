package cn.tianxiacheng.servicecenter.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.dunning.Dunning;
import cn.tianxiacheng.servicecenter.dunning.FeeDunningProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Billing, payments, prepaid balance, reversals and retries on the running application.
 * Each test bills its own period or unit, so the tests do not depend on their order.
 */
@IntegrationTest
class FeeIntegrationTests extends IntegrationTestSupport {

	@Autowired
	BillingRuns billingRuns;

	@Autowired
	BillWriter billWriter;

	@Autowired
	FeeItemRepository items;

	@Autowired
	Dunning dunning;

	@Autowired
	CaseFees caseFees;

	@Test
	void shouldBillEveryOccupiedUnitAndLeasedSpaceOnceAMonth() {
		int occupied = count("select count(*) from unit_address where unit_status = 'OCCUPIED'"
				+ " and estate_id = (select id from estate where code = 'TXC')");
		// a space leased under a contract (车位租赁) is billed by its contract, not by the monthly run
		int leased = count("select count(*) from parking_space where status = 'LEASED' and contract_number is null"
				+ " and estate_id = (select id from estate where code = 'TXC')");

		long txc = count("select id from estate where code = 'TXC'");
		BillingResult first = billingRuns.issueMonthlyBills(YearMonth.of(2031, 1), txc, "test");
		BillingResult again = billingRuns.issueMonthlyBills(YearMonth.of(2031, 1), txc, "test");

		assertThat(first.issued()).isEqualTo(occupied + leased);
		assertThat(again.issued()).isZero();
		assertThat(again.alreadyIssued()).isEqualTo(occupied + leased);
		assertThat(count("select count(*) from bill where period = '2031-01'")).isEqualTo(occupied + leased);
		BigDecimal billed = jdbc.queryForObject("select sum(amount) from bill where period = '2031-01'", BigDecimal.class);
		assertThat(billed).isEqualByComparingTo(first.total());
	}

	@Test
	void shouldChargeAreaTimesTheRateOfTheUnitType() {
		billingRuns.issueMonthlyBills(YearMonth.of(2031, 3), "test");
		Map<String, Object> bill = jdbc.queryForMap("""
				select u.area_m2, u.type, b.amount from bill b join unit u on u.id = b.unit_id
				 join fee_item f on f.id = b.fee_item_id
				 where b.period = '2031-03' and f.code = 'MANAGEMENT' and u.type = 'SHOP'
				 order by u.id fetch first 1 rows only""");
		BigDecimal expected = Money.yuan(((BigDecimal) bill.get("area_m2")).multiply(new BigDecimal("4.80")));
		assertThat((BigDecimal) bill.get("amount")).isEqualByComparingTo(expected);
	}

	@Test
	void shouldProrateTheMonthOfAMoveIn() {
		long unitId = jdbc.queryForObject("""
				select min(u.id) from unit u where u.status = 'OCCUPIED' and u.type = 'RESIDENTIAL' and u.building_id in %s
				   and (select count(*) from owner o where o.unit_id = u.id) = 1""".formatted(TIANXIACHENG_BUILDINGS), Long.class);
		jdbc.update("update owner set move_in_date = ? where unit_id = ?", LocalDate.of(2031, 2, 21), unitId);

		billingRuns.issueMonthlyBills(YearMonth.of(2031, 2), "test");

		BigDecimal area = jdbc.queryForObject("select area_m2 from unit where id = ?", BigDecimal.class, unitId);
		BigDecimal amount = jdbc.queryForObject("""
				select b.amount from bill b join fee_item f on f.id = b.fee_item_id
				 where b.unit_id = ? and b.period = '2031-02' and f.code = 'MANAGEMENT'""", BigDecimal.class, unitId);
		// 21 to 28 February: 8 of 28 days
		assertThat(amount).isEqualByComparingTo(Money.yuan(area.multiply(new BigDecimal("2.20"))
			.multiply(BigDecimal.valueOf(8)).divide(BigDecimal.valueOf(28), 10, java.math.RoundingMode.HALF_UP)));
	}

	@Test
	void shouldChargeSoldVacantUnitsAReducedHeatingShareOncePerSeason() {
		BillingResult first = billingRuns.issueHeatingBills(2031, "test");
		BillingResult again = billingRuns.issueHeatingBills(2031, "test");

		assertThat(first.issued()).isEqualTo(count("select count(*) from unit_address u where exists (select 1 from owner o where o.unit_id = u.unit_id)"
				+ " and u.estate_id in (select estate_id from fee_item where code = 'HEATING')"));
		assertThat(again.issued()).isZero();
		Map<String, Object> vacant = jdbc.queryForMap("""
				select u.area_m2, b.amount, b.period_start, b.period_end from bill b join unit u on u.id = b.unit_id
				 where b.period = '2031-2032' and u.status = 'VACANT' order by u.id fetch first 1 rows only""");
		assertThat((BigDecimal) vacant.get("amount")).isEqualByComparingTo(
				Money.yuan(((BigDecimal) vacant.get("area_m2")).multiply(new BigDecimal("25.00")).multiply(new BigDecimal("0.30"))));
		assertThat(vacant.get("period_start").toString()).isEqualTo("2031-11-15");
		assertThat(vacant.get("period_end").toString()).isEqualTo("2032-03-15");
	}

	@Test
	void shouldTakeAPartialPaymentWithAReceipt() {
		long unitId = unit("2-1-301");
		long billId = testBill(unitId, "500.00");
		BigDecimal before = balance(unitId);

		ResponseEntity<Map<String, Object>> paid = pay("cashier", key(), unitId, "200.00", "WECHAT", List.of(billId));

		assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((String) paid.getBody().get("receiptNumber")).matches("TXC-SK\\d{4}-\\d{6}");
		assertThat(paid.getBody()).containsEntry("methodLabel", "微信").containsEntry("receivedAs", "cashier");
		Map<String, Object> bill = billOf(unitId, billId);
		assertThat(bill).containsEntry("status", "部分缴纳");
		assertThat(new BigDecimal(bill.get("outstanding").toString())).isEqualByComparingTo("300.00");
		assertThat(balance(unitId)).isEqualByComparingTo(before.subtract(new BigDecimal("200.00")));
		assertLedgerAddsUp(unitId);
	}

	@Test
	void shouldKeepMoneyBeyondWhatIsDueAsPrepaidForTheNextBills() {
		long unitId = unit("2-2-801");
		Map<String, Object> account = account(unitId);
		BigDecimal outstanding = new BigDecimal(account.get("outstanding").toString());
		BigDecimal prepaidBefore = new BigDecimal(account.get("prepaid").toString());

		pay("cashier", key(), unitId, outstanding.add(new BigDecimal("1000.00")).toPlainString(), "CASH", null);

		Map<String, Object> afterPayment = account(unitId);
		assertThat(new BigDecimal(afterPayment.get("outstanding").toString())).isEqualByComparingTo("0.00");
		assertThat(new BigDecimal(afterPayment.get("prepaid").toString()))
			.isEqualByComparingTo(prepaidBefore.add(new BigDecimal("1000.00")));

		billingRuns.issueMonthlyBills(YearMonth.of(2033, 5), "test");

		Map<String, Object> afterBilling = account(unitId);
		assertThat(new BigDecimal(afterBilling.get("outstanding").toString())).as("the new bill is drawn from 预存")
			.isEqualByComparingTo("0.00");
		assertThat(new BigDecimal(afterBilling.get("prepaid").toString()))
			.isLessThan(new BigDecimal(afterPayment.get("prepaid").toString()));
		assertLedgerAddsUp(unitId);
	}

	@Test
	void shouldUndoMistakesByReversalsOnly() {
		long unitId = unit("3-1-1102");
		long billId = testBill(unitId, "120.00");
		long paymentId = ((Number) pay("cashier", key(), unitId, "120.00", "CASH", List.of(billId)).getBody().get("paymentId"))
			.longValue();
		assertThat(billOf(unitId, billId)).containsEntry("status", "已缴清");

		assertThat(post("cashier", "/api/payments/" + paymentId + "/reversal", "{\"reason\":\"收错房屋\"}").getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(billOf(unitId, billId)).containsEntry("status", "未缴");
		assertThat(post("cashier", "/api/payments/" + paymentId + "/reversal", "{\"reason\":\"再次冲正\"}").getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);

		assertThat(post("cashier", "/api/bills/" + billId + "/reversal", "{\"reason\":\"账单有误\"}").getStatusCode())
			.as("only the manager reverses bills").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(post("manager", "/api/bills/" + billId + "/reversal", "{\"reason\":\"\"}").getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(post("manager", "/api/bills/" + billId + "/reversal", "{\"reason\":\"账单有误\"}").getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(billOf(unitId, billId)).containsEntry("status", "已冲正");

		ResponseEntity<Map<String, Object>> payReversed = pay("cashier", key(), unitId, "120.00", "CASH", List.of(billId));
		assertThat(payReversed.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat((String) payReversed.getBody().get("detail")).contains("已冲正");
		assertThat(count("select count(*) from bill where id = " + billId)).as("nothing is deleted").isEqualTo(1);
		assertLedgerAddsUp(unitId);
	}

	@Test
	void shouldRefundADepositLessDeductionsWithoutMovingTheBalance() {
		long unitId = unit("2-1-2201");
		caseFees.issue("ZX-20261127-0009", unitId, CaseFees.CaseFee.parse("DECORATION_DEPOSIT"), "test");
		long depositId = jdbc.queryForObject("select id from bill where period = 'ZX-20261127-0009'", Long.class);
		String refund = "{\"deduction\":350.00,\"reason\":\"损坏公共墙面\",\"method\":\"TRANSFER\"}";

		assertThat(post("cashier", "/api/bills/" + depositId + "/deposit-refund", refund).getStatusCode())
			.as("not paid yet").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		long paymentId = ((Number) pay("cashier", key(), unitId, "3000.00", "CASH", List.of(depositId)).getBody()
			.get("paymentId")).longValue();
		BigDecimal before = balance(unitId);

		ResponseEntity<Map<String, Object>> refunded = post("cashier", "/api/bills/" + depositId + "/deposit-refund", refund);

		assertThat(refunded.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(new BigDecimal(refunded.getBody().get("refunded").toString())).isEqualByComparingTo("2650.00");
		assertThat(balance(unitId)).isEqualByComparingTo(before);
		assertThat(jdbc.queryForObject("select sum(amount) from refund where bill_id = ?", BigDecimal.class, depositId))
			.isEqualByComparingTo("2650.00");
		assertThat(billOf(unitId, depositId)).containsEntry("status", "已退还");
		assertThat(post("cashier", "/api/bills/" + depositId + "/deposit-refund", refund).getStatusCode())
			.as("refunded once").isEqualTo(HttpStatus.CONFLICT);
		assertThat(post("cashier", "/api/payments/" + paymentId + "/reversal", "{\"reason\":\"x\"}").getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
		long garbage = testBill(unitId, "10.00");
		assertThat(post("cashier", "/api/bills/" + garbage + "/deposit-refund", refund).getStatusCode())
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertLedgerAddsUp(unitId);
	}

	@Test
	void shouldReturnTheFirstReceiptForARetryAndRefuseTheSameKeyWithAnotherBody() {
		long unitId = unit("1-2-1203");
		String key = key();
		ResponseEntity<Map<String, Object>> first = pay("cashier", key, unitId, "88.80", "ALIPAY", null);
		ResponseEntity<Map<String, Object>> retry = pay("cashier", key, unitId, "88.8", "ALIPAY", null);
		ResponseEntity<Map<String, Object>> other = pay("cashier", key, unitId, "99.00", "ALIPAY", null);

		assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(retry.getBody().get("receiptNumber")).isEqualTo(first.getBody().get("receiptNumber"));
		assertThat(retry.getBody().get("paymentId")).isEqualTo(first.getBody().get("paymentId"));
		assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(count("select count(*) from payment where idempotency_key = '" + key + "'")).isEqualTo(1);
	}

	@Test
	void shouldShowTheReceiptsPayerOnlyToTheGroupsThatCallOwners() {
		long unitId = unit("1-2-1203");
		String owner = jdbc.queryForObject("select min(name) from owner where unit_id = ?", String.class, unitId);
		Object paymentId = pay("cashier", key(), unitId, "12.00", "CASH", null).getBody().get("paymentId");

		assertThat(StaffApi.call(rest, "cashier", HttpMethod.GET, "/api/payments/" + paymentId, null).getBody()
			.get("payer").toString()).contains(owner);
		assertThat(StaffApi.call(rest, "engineer", HttpMethod.GET, "/api/payments/" + paymentId, null).getBody()
			.get("payer").toString()).doesNotContain(owner).contains("*");
	}

	@Test
	void shouldTakeOnePaymentForParallelRetries() throws Exception {
		long unitId = unit("1-2-1204");
		String key = key();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<ResponseEntity<Map<String, Object>>>> calls = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				calls.add(() -> StaffApi.afterAnyLoginDelay(() -> pay("cashier", key, unitId, "66.00", "CASH", null)));
			}
			List<Object> receipts = new ArrayList<>();
			for (Future<ResponseEntity<Map<String, Object>>> answer : pool.invokeAll(calls)) {
				assertThat(answer.get().getStatusCode()).isEqualTo(HttpStatus.OK);
				receipts.add(answer.get().getBody().get("receiptNumber"));
			}
			assertThat(receipts).containsOnly(receipts.get(0));
		}
		finally {
			pool.shutdown();
		}
		assertThat(count("select count(*) from payment where idempotency_key = '" + key + "'")).isEqualTo(1);
	}

	@Test
	void shouldRefuseBadPaymentsWithAClearMessageAndChangeNothing() {
		long unitId = unit("2-2-1001");
		long otherUnitsBill = testBill(unit("2-2-1002"), "50.00");
		int payments = count("select count(*) from payment");

		assertRefused(pay("cashier", key(), unitId, "0", "CASH", null), HttpStatus.BAD_REQUEST, "金额必须大于 0");
		assertRefused(pay("cashier", key(), unitId, "-5.00", "CASH", null), HttpStatus.BAD_REQUEST, "金额必须大于 0");
		assertRefused(pay("cashier", key(), unitId, "10.001", "CASH", null), HttpStatus.BAD_REQUEST, "最多两位小数");
		assertRefused(pay("cashier", key(), unitId, "10.00", "BITCOIN", null), HttpStatus.BAD_REQUEST, "支付方式只能是");
		assertRefused(pay("cashier", key(), unitId, "10.00", "CASH", List.of(987654321L)),
				HttpStatus.UNPROCESSABLE_ENTITY, "账单不存在");
		assertRefused(pay("cashier", key(), unitId, "10.00", "CASH", List.of(otherUnitsBill)),
				HttpStatus.UNPROCESSABLE_ENTITY, "不属于房屋");
		assertRefused(pay("cashier", key(), 987654321L, "10.00", "CASH", null), HttpStatus.UNPROCESSABLE_ENTITY,
				"房屋不存在");
		assertRefused(post("cashier", "/api/payments", "{\"unitId\":" + unitId + ",\"amount\":10}"),
				HttpStatus.BAD_REQUEST, "缺少 idempotencyKey");

		assertThat(count("select count(*) from payment")).isEqualTo(payments);
	}

	@Test
	void shouldLetOnlyCashiersAndStandInReceptionistsTakePayments() {
		long unitId = unit("3-2-602");
		ResponseEntity<Map<String, Object>> byReception = pay("receptionist", key(), unitId, "10.00", "CASH", null);
		assertThat(byReception.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(byReception.getBody()).containsEntry("receivedAs", "reception").containsEntry("receivedBy", "receptionist");

		assertThat(pay("guard", key(), unitId, "10.00", "CASH", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(pay("engineer", key(), unitId, "10.00", "CASH", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(pay("auditor", key(), unitId, "10.00", "CASH", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(rest.withBasicAuth("auditor", "demo").getForEntity("/api/units/" + unitId + "/account", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldRunBillingOnDemandThroughTheProcess() throws Exception {
		ResponseEntity<Map<String, Object>> started = exchange("cashier", HttpMethod.POST, "/api/billing-runs",
				"{\"kind\":\"MONTHLY\",\"period\":\"2032-03\"}");
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		String processInstanceId = (String) started.getBody().get("processInstanceId");

		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).finished().count() == 0
				&& Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
		}
		assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).finished()
			.count()).as("the job executor ran the billing").isEqualTo(1);
		assertThat(count("select count(*) from bill where period = '2032-03'")).isPositive();

		assertThat(exchange("receptionist", HttpMethod.POST, "/api/billing-runs",
				"{\"kind\":\"MONTHLY\",\"period\":\"2032-04\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertRefused(exchange("manager", HttpMethod.POST, "/api/billing-runs", "{\"kind\":\"HEATING\",\"period\":\"2032-04\"}"),
				HttpStatus.BAD_REQUEST, "账期格式不正确");
	}

	@Test
	void shouldBillOnlyWhatAMonthlyRunSaysEvenInTheMonthTheHeatingSeasonStarts() throws Exception {
		ResponseEntity<Map<String, Object>> started = exchange("cashier", HttpMethod.POST, "/api/billing-runs",
				"{\"kind\":\"MONTHLY\",\"period\":\"2029-11\"}");
		String processInstanceId = (String) started.getBody().get("processInstanceId");
		await().until(() -> historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
			.finished().count() == 1);

		assertThat(count("select count(*) from bill where period = '2029-11'")).isPositive();
		assertThat(count("select count(*) from bill b join fee_item f on f.id = b.fee_item_id"
				+ " where f.code = 'HEATING' and b.period = '2029-2030'")).as("no 暖气费 from a 物业费 + 车位 run").isZero();
	}

	@Test
	void shouldDunAUnitInArrearsUntilItPays() {
		long unitId = unit("1-1-1801");
		long billId = testBill(unitId, "360.00");
		String businessKey = FeeDunningProcess.businessKey("TXC", "1-1-1801");

		dunning.openForUnitsInArrears();
		dunning.openForUnitsInArrears();

		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count())
			.as("one case per unit, however often the scan runs").isEqualTo(1);
		String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
			.singleResult().getId();
		assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId).taskCandidateGroup("reception")
			.count()).isEqualTo(1);

		pay("cashier", key(), unitId, "100.00", "CASH", List.of(billId));
		await().until(this::followUpsDone);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count())
			.as("a partial payment leaves the arrears").isEqualTo(1);

		pay("cashier", key(), unitId, "260.00", "CASH", List.of(billId));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count())
			.as("clearing the arrears ends the case").isZero());
		assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
			.activityId(FeeDunningProcess.Element.DUNNING_ENDED).count()).isEqualTo(1);
	}

	/** Every follow-up of a commit is done (Spring Modulith's registry has none left open). */
	private boolean followUpsDone() {
		return jdbc.queryForObject("select count(*) from event_publication where completion_date is null",
				Integer.class) == 0;
	}

	private void assertLedgerAddsUp(long unitId) {
		Map<String, Object> account = account(unitId);
		BigDecimal balance = new BigDecimal(account.get("balance").toString());
		BigDecimal outstanding = new BigDecimal(account.get("outstanding").toString());
		BigDecimal prepaid = new BigDecimal(account.get("prepaid").toString());
		assertThat(balance).as("balance = what is owed − what is prepaid").isEqualByComparingTo(outstanding.subtract(prepaid));
		BigDecimal bills = jdbc.queryForObject("select coalesce(sum(amount), 0) from bill where unit_id = ?", BigDecimal.class, unitId);
		BigDecimal payments = jdbc.queryForObject("select coalesce(sum(amount), 0) from payment where unit_id = ?", BigDecimal.class, unitId);
		BigDecimal reversedBills = jdbc.queryForObject(
				"select coalesce(sum(b.amount), 0) from bill b join reversal r on r.bill_id = b.id where b.unit_id = ?",
				BigDecimal.class, unitId);
		BigDecimal reversedPayments = jdbc.queryForObject(
				"select coalesce(sum(p.amount), 0) from payment p join reversal r on r.payment_id = p.id where p.unit_id = ?",
				BigDecimal.class, unitId);
		BigDecimal refunds = jdbc.queryForObject("select coalesce(sum(amount), 0) from refund where unit_id = ?",
				BigDecimal.class, unitId);
		assertThat(balance).isEqualByComparingTo(
				bills.subtract(reversedBills).subtract(payments.subtract(reversedPayments)).add(refunds));
	}

	private static void assertRefused(ResponseEntity<Map<String, Object>> response, HttpStatus status, String message) {
		assertThat(response.getStatusCode()).isEqualTo(status);
		assertThat((String) response.getBody().get("detail")).contains(message);
	}

	private long testBill(long unitId, String amount) {
		FeeItem garbage = items.findAll().stream().filter(i -> i.getCode().equals("GARBAGE_REMOVAL")).findFirst().orElseThrow();
		String period = "T-" + UUID.randomUUID().toString().substring(0, 8);
		billWriter.insert(List.of(new NewBill(unitId, garbage.getId(), period, "", null, null, new BigDecimal(amount),
				LocalDate.of(2020, 1, 1), "测试账单 " + period)), Instant.now(), "test");
		return jdbc.queryForObject("select id from bill where period = ?", Long.class, period);
	}

	private Map<String, Object> billOf(long unitId, long billId) {
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> bills = (List<Map<String, Object>>) account(unitId).get("bills");
		return bills.stream().filter(b -> ((Number) b.get("id")).longValue() == billId).findFirst().orElseThrow();
	}

	private Map<String, Object> account(long unitId) {
		return exchange("cashier", HttpMethod.GET, "/api/units/" + unitId + "/account", null).getBody();
	}

	private BigDecimal balance(long unitId) {
		return new BigDecimal(account(unitId).get("balance").toString());
	}

	private long unit(String number) {
		return jdbc.queryForObject("select id from unit where number = ?", Long.class, number);
	}

	private int count(String sql) {
		return jdbc.queryForObject(sql, Integer.class);
	}

	private static String key() {
		return UUID.randomUUID().toString();
	}

	private ResponseEntity<Map<String, Object>> pay(String user, String key, long unitId, String amount, String method,
			List<Long> billIds) {
		String bills = billIds == null ? "" : ",\"billIds\":" + billIds;
		return exchange(user, HttpMethod.POST, "/api/payments", "{\"idempotencyKey\":\"" + key + "\",\"unitId\":" + unitId
				+ ",\"amount\":" + amount + ",\"method\":\"" + method + "\"" + bills + "}");
	}

	private ResponseEntity<Map<String, Object>> post(String user, String path, String body) {
		return exchange(user, HttpMethod.POST, path, body);
	}

	private ResponseEntity<Map<String, Object>> exchange(String user, HttpMethod method, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), MAP);
	}

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

}
