package cn.tianxiacheng.servicecenter.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.fee.CaseFees.CaseFee;
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
 * Case fees, shared costs, meter readings, and the reports on the running application.
 */
@IntegrationTest
class ChargesAndReportsIntegrationTests extends IntegrationTestSupport {

	@Autowired
	CaseFees caseFees;

	@Autowired
	BillingRuns billingRuns;

	@Autowired
	BillWriter billWriter;

	@Autowired
	FeeItemRepository items;

	@Test
	void shouldIssueACasesFeesOnceAndTellWhenTheyArePaid() {
		long unitId = unit("2-1-1501");
		List<CaseFee> fees = CaseFee.parse("DECORATION_DEPOSIT, DECORATION_MANAGEMENT, ACCESS_CARD*2");

		BigDecimal total = caseFees.issue("ZX-20261127-0001", unitId, fees, "test");
		BigDecimal again = caseFees.issue("ZX-20261127-0001", unitId, fees, "test");

		assertThat(total).isEqualByComparingTo("3540.00");
		assertThat(again).isEqualByComparingTo(total);
		assertThat(count("select count(*) from bill where period = 'ZX-20261127-0001'")).isEqualTo(3);
		assertThat(caseFees.isPaid("ZX-20261127-0001", unitId)).isFalse();

		List<Long> bills = jdbc.queryForList("select id from bill where period = 'ZX-20261127-0001'", Long.class);
		pay(unitId, "3540.00", bills);
		assertThat(caseFees.isPaid("ZX-20261127-0001", unitId)).isTrue();
	}

	@Test
	void shouldApportionASharedCostToTheFenAndOnlyOnce() {
		ResponseEntity<Map<String, Object>> first = call("cashier", HttpMethod.POST, "/api/shared-costs",
				"{\"itemCode\":\"SHARED_ELECTRICITY\",\"period\":\"2030-07\",\"total\":12345.67}");
		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(new BigDecimal(first.getBody().get("sumOfShares").toString())).isEqualByComparingTo("12345.67");
		assertThat(jdbc.queryForObject("select sum(amount) from bill where period = '2030-07' and fee_item_id = "
				+ "(select id from fee_item where code = 'SHARED_ELECTRICITY' and estate_id = (select id from estate where code = 'TXC'))", BigDecimal.class))
			.isEqualByComparingTo("12345.67");
		assertThat(first.getBody().get("units")).isEqualTo(count("select count(*) from unit_address where unit_status = 'OCCUPIED'"
				+ " and estate_id = (select id from estate where code = 'TXC')"));

		assertThat(call("cashier", HttpMethod.POST, "/api/shared-costs",
				"{\"itemCode\":\"SHARED_ELECTRICITY\",\"period\":\"2030-07\",\"total\":12345.67}").getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
		assertThat(call("cashier", HttpMethod.POST, "/api/shared-costs",
				"{\"itemCode\":\"SHARED_ELECTRICITY\",\"period\":\"2030-08\",\"total\":12.345}").getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(call("receptionist", HttpMethod.POST, "/api/shared-costs",
				"{\"itemCode\":\"SHARED_ELECTRICITY\",\"period\":\"2030-08\",\"total\":100}").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldBillMeterConsumptionAndRefuseALowerReading() {
		long unitId = unit("3-1-401");
		LocalDate today = LocalDate.now();
		ResponseEntity<Map<String, Object>> first = reading(unitId, "1024.50", today.minusDays(30));
		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(first.getBody().get("amount")).as("the first reading bills nothing").isNull();

		ResponseEntity<Map<String, Object>> second = reading(unitId, "1046.30", today.minusDays(10));
		assertThat(new BigDecimal(second.getBody().get("amount").toString())).isEqualByComparingTo("106.82");
		int bills = count("select count(*) from bill where unit_id = " + unitId);

		assertThat(reading(unitId, "1050.00", today.minusDays(10)).getStatusCode()).as("read twice the same day")
			.isEqualTo(HttpStatus.CONFLICT);
		ResponseEntity<Map<String, Object>> lower = reading(unitId, "1000.00", today);
		assertThat(lower.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat((String) lower.getBody().get("detail")).contains("小于上次读数");
		assertThat(count("select count(*) from bill where unit_id = " + unitId)).isEqualTo(bills);
		assertThat(count("select count(*) from meter_reading where unit_id = " + unitId)).isEqualTo(2);
	}

	@Test
	void shouldReportTheCollectionRateOfAPeriod() {
		billingRuns.issueMonthlyBills(YearMonth.of(2034, 1), "test");
		BigDecimal due = jdbc.queryForObject("select sum(b.amount) from bill b join unit_address u on u.unit_id = b.unit_id"
				+ " where b.period = '2034-01' and u.estate_id = " + TIANXIACHENG, BigDecimal.class);
		long unitId = unit("1-2-302");
		Long billId = jdbc.queryForObject("select min(id) from bill where period = '2034-01' and unit_id = ?", Long.class,
				unitId);
		BigDecimal paid = jdbc.queryForObject("select amount from bill where id = ?", BigDecimal.class, billId);
		pay(unitId, paid.toPlainString(), List.of(billId));

		Map<String, Object> report = call("manager", HttpMethod.GET, "/api/reports/collection?period=2034-01", null).getBody();

		@SuppressWarnings("unchecked")
		Map<String, Object> total = (Map<String, Object>) report.get("total");
		assertThat(new BigDecimal(total.get("due").toString())).isEqualByComparingTo(due);
		assertThat(new BigDecimal(total.get("collected").toString())).isEqualByComparingTo(paid);
		assertThat(new BigDecimal(total.get("ratePercent").toString())).isEqualByComparingTo(
				paid.multiply(BigDecimal.valueOf(100)).divide(due, 2, java.math.RoundingMode.HALF_UP));
		assertThat((List<?>) report.get("byBuilding")).hasSize(3);

		ResponseEntity<byte[]> csv = rest.withBasicAuth("cashier", "demo")
			.getForEntity("/api/reports/collection?period=2034-01&format=csv", byte[].class);
		assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
		String text = new String(csv.getBody(), StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF分类,项目,应收,实收,收费率百分比").contains("1号楼", "物业管理费", "合计");
		assertThat(call("guard", HttpMethod.GET, "/api/reports/collection?period=2034-01", null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldAgeTheArrears() {
		BigDecimal before = bucket("31–90 天");
		testBill(unit("3-2-2001"), "77.70", LocalDate.now().minusDays(45));
		assertThat(bucket("31–90 天")).isEqualByComparingTo(before.add(new BigDecimal("77.70")));
	}

	@Test
	void shouldStateIncomeAndExpensesAndPublishThemToOwners() {
		String thisMonth = YearMonth.now().toString();
		Map<String, Object> before = call("auditor", HttpMethod.GET, "/api/reports/statement?period=" + thisMonth, null)
			.getBody();
		long unitId = unit("3-2-2002");
		long billId = testBill(unitId, "300.00", LocalDate.now());
		pay(unitId, "300.00", List.of(billId));
		assertThat(call("manager", HttpMethod.POST, "/api/expenses", "{\"period\":\"" + thisMonth
				+ "\",\"category\":\"公共照明维修\",\"amount\":120.50,\"description\":\"更换楼道灯\"}").getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		assertThat(call("auditor", HttpMethod.POST, "/api/expenses", "{\"period\":\"" + thisMonth
				+ "\",\"category\":\"x\",\"amount\":1,\"description\":\"x\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		Map<String, Object> after = call("auditor", HttpMethod.GET, "/api/reports/statement?period=" + thisMonth, null)
			.getBody();
		assertThat(new BigDecimal(after.get("income").toString()))
			.isEqualByComparingTo(new BigDecimal(before.get("income").toString()).add(new BigDecimal("300.00")));
		assertThat(new BigDecimal(after.get("expenses").toString()))
			.isEqualByComparingTo(new BigDecimal(before.get("expenses").toString()).add(new BigDecimal("120.50")));

		String lastMonth = YearMonth.now().minusMonths(1).toString();
		assertThat(call("cashier", HttpMethod.POST, "/api/reports/statement/" + lastMonth + "/publication", null)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(call("manager", HttpMethod.POST, "/api/reports/statement/" + lastMonth + "/publication", null)
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(call("manager", HttpMethod.POST, "/api/reports/statement/" + lastMonth + "/publication", null)
			.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(call("manager", HttpMethod.POST, "/api/reports/statement/" + thisMonth + "/publication", null)
			.getStatusCode()).as("a month not over yet").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

		ResponseEntity<String> page = rest.getForEntity("/public/statements?estate=TXC", String.class);
		assertThat(page.getStatusCode()).as("owners read it without a login").isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains(lastMonth + " 收支表", "收入合计");
	}

	private BigDecimal bucket(String age) {
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> buckets = (List<Map<String, Object>>) call("director", HttpMethod.GET,
				"/api/reports/arrears", null).getBody().get("buckets");
		return new BigDecimal(buckets.stream().filter(b -> b.get("age").equals(age)).findFirst().orElseThrow()
			.get("amount").toString());
	}

	private ResponseEntity<Map<String, Object>> reading(long unitId, String reading, LocalDate readOn) {
		return call("engineer", HttpMethod.POST, "/api/meter-readings", "{\"unitId\":" + unitId
				+ ",\"meter\":\"WATER\",\"reading\":" + reading + ",\"readOn\":\"" + readOn + "\"}");
	}

	private void pay(long unitId, String amount, List<Long> billIds) {
		ResponseEntity<Map<String, Object>> paid = call("cashier", HttpMethod.POST, "/api/payments",
				"{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"unitId\":" + unitId + ",\"amount\":" + amount
						+ ",\"method\":\"TRANSFER\",\"billIds\":" + billIds + "}");
		assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private long testBill(long unitId, String amount, LocalDate due) {
		FeeItem garbage = items.findAll().stream().filter(i -> i.getCode().equals("GARBAGE_REMOVAL")).findFirst().orElseThrow();
		String period = "T-" + UUID.randomUUID().toString().substring(0, 8);
		billWriter.insert(List.of(new NewBill(unitId, garbage.getId(), period, "", null, null, new BigDecimal(amount), due,
				"测试账单 " + period)), Instant.now(), "test");
		return jdbc.queryForObject("select id from bill where period = ?", Long.class, period);
	}

	private long unit(String number) {
		return jdbc.queryForObject("select id from unit where number = ?", Long.class, number);
	}

	private int count(String sql) {
		return jdbc.queryForObject(sql, Integer.class);
	}

	private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), MAP);
	}

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

}
