package cn.tianxiacheng.servicecenter;

import static cn.tianxiacheng.servicecenter.StaffApi.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.tianxiacheng.servicecenter.archive.OwnerArchives;
import cn.tianxiacheng.servicecenter.dunning.Dunning;
import cn.tianxiacheng.servicecenter.dunning.FeeDunningProcess;
import cn.tianxiacheng.servicecenter.fee.BillingResult;
import cn.tianxiacheng.servicecenter.fee.BillingRuns;
import cn.tianxiacheng.servicecenter.system.EstateTenants;

/**
 * The money of one estate is sealed from the others: another estate's cashier and manager asking
 * for 天下城's accounts, bills, receipts, billing runs, fee standards, statements and archives by
 * their ids get what they would get for ids that do not exist, and learn nothing; a billing run asked
 * for in an estate bills that estate's units only; reports and dunning keep to their estate.
 */
@IntegrationTest
class MoneyEstateBoundaryIntegrationTests extends IntegrationTestSupport {

	private static final BigDecimal MANAGEMENT_PRICE = new BigDecimal("3.10");

	@Autowired
	EstateTenants tenants;

	@Autowired
	OwnerArchives archives;

	@Autowired
	Dunning dunning;

	@Autowired
	BillingRuns billingRuns;

	private OtherEstate other;

	private long txcUnit;

	private String txcUnitNumber;

	@BeforeEach
	void anotherEstateWithItsFees() {
		other = OtherEstate.create(jdbc, tenants, identityService);
		long estateId = other.estate().id();
		jdbc.update("insert into fee_item (estate_id, code, name, kind, income) values (?, 'MANAGEMENT', '物业管理费', 'AREA_MONTHLY', true)",
				estateId);
		jdbc.update("insert into fee_item (estate_id, code, name, kind, income) values (?, 'PARKING', '车位租金', 'SPACE_MONTHLY', true)",
				estateId);
		for (Object[] rate : new Object[][] { { "MANAGEMENT", MANAGEMENT_PRICE }, { "PARKING", new BigDecimal("300") } }) {
			jdbc.update("""
					insert into fee_rate (fee_item_id, unit_type, price, valid_from)
					select id, null, ?, date '2020-01-01' from fee_item where estate_id = ? and code = ?""", rate[1],
					estateId, rate[0]);
		}
		// a unit of 天下城 with an owner that other tests leave alone
		List<Long> owned = jdbc.queryForList("""
				select u.unit_id from unit_address u
				 where u.estate_id = (select id from estate where code = 'TXC')
				   and exists (select 1 from owner o where o.unit_id = u.unit_id)
				 order by u.unit_id desc fetch first 40 rows only""", Long.class);
		txcUnit = owned.get((int) (Math.random() * owned.size()));
		txcUnitNumber = jdbc.queryForObject("select unit_number from unit_address where unit_id = ?", String.class,
				txcUnit);
	}

	@Test
	void shouldBillOnlyTheOtherEstatesUnitsOnItsCashiersRun() {
		YearMonth month = YearMonth.now(clock).plusMonths(1);
		int txcBillsBefore = billsOfPeriod("TXC", month);
		ResponseEntity<Map<String, Object>> preview = call(rest, other.cashier(), HttpMethod.GET,
				"/api/billing-runs/preview?kind=MONTHLY&period=" + month, null);
		assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(preview.getBody()).containsEntry("units", other.units().size());

		ResponseEntity<Map<String, Object>> run = call(rest, other.cashier(), HttpMethod.POST, "/api/billing-runs",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"kind\":\"MONTHLY\",\"period\":\"" + month + "\"}");
		assertThat(run.getStatusCode()).as(String.valueOf(run.getBody())).isEqualTo(HttpStatus.ACCEPTED);
		String instanceId = (String) run.getBody().get("processInstanceId");
		assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
			.getTenantId()).isEqualTo(other.estate().code());
		StaffApi.awaitJobs(managementService, instanceId);

		BigDecimal expected = jdbc.queryForList("select area_m2 from unit_address where estate_id = ?", BigDecimal.class,
				other.estate().id())
			.stream()
			.map(area -> area.multiply(MANAGEMENT_PRICE).setScale(2, RoundingMode.HALF_UP))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(billsOfPeriod(other.estate().code(), month)).isEqualTo(other.units().size());
		assertThat(jdbc.queryForObject("""
				select sum(b.amount) from bill b join unit_address u on u.unit_id = b.unit_id
				 where u.estate_id = ? and b.period = ?""", BigDecimal.class, other.estate().id(), month.toString()))
			.isEqualByComparingTo(expected);
		assertThat(jdbc.queryForObject("""
				select count(*) from bill b join unit_address u on u.unit_id = b.unit_id join fee_item f on f.id = b.fee_item_id
				 where b.period = ? and f.estate_id <> u.estate_id""", Integer.class, month.toString())).isZero();
		assertThat(billsOfPeriod("TXC", month)).as("天下城 billed by the other estate's run").isEqualTo(txcBillsBefore);
	}

	@Test
	void shouldKeepTheBillsOfEveryOtherEstateWhenOneEstateOfTheCompanysRunFails() {
		YearMonth month = YearMonth.of(2035, 7);
		OtherEstate broken = OtherEstate.create(jdbc, tenants, identityService);
		jdbc.update("insert into fee_item (estate_id, code, name, kind, income) values (?, 'MANAGEMENT', '物业管理费', 'AREA_MONTHLY', true)",
				broken.estate().id());
		jdbc.update("""
				insert into fee_rate (fee_item_id, unit_type, price, valid_from)
				select id, null, 2.50, date '2020-01-01' from fee_item where estate_id = ?""", broken.estate().id());
		try {
			assertThatThrownBy(() -> billingRuns.issueMonthlyBills(month, "test"))
				.as("the estate has no 车位租金 item").hasMessageContaining("PARKING");
			assertThat(billsOfPeriod(broken.estate().code(), month)).isZero();
			assertThat(billsOfPeriod(other.estate().code(), month)).isEqualTo(other.units().size());
			assertThat(billsOfPeriod("TXC", month)).isPositive();
		}
		finally {
			jdbc.update("insert into fee_item (estate_id, code, name, kind, income) values (?, 'PARKING', '车位租金', 'SPACE_MONTHLY', true)",
					broken.estate().id());
			jdbc.update("""
					insert into fee_rate (fee_item_id, unit_type, price, valid_from)
					select id, null, 300, date '2020-01-01' from fee_item where estate_id = ? and code = 'PARKING'""",
					broken.estate().id());
		}
		int tianxiacheng = billsOfPeriod("TXC", month);

		BillingResult again = billingRuns.issueMonthlyBills(month, "test");
		assertThat(billsOfPeriod(broken.estate().code(), month)).isEqualTo(broken.units().size());
		assertThat(again.issued()).as("only the estate that failed is billed again").isEqualTo(broken.units().size());
		assertThat(billsOfPeriod("TXC", month)).isEqualTo(tianxiacheng);
	}

	@Test
	void shouldAnswerTheOtherEstatesCashierAsIfTianxiachengsMoneyDidNotExist() {
		String key = UUID.randomUUID().toString();
		ResponseEntity<Map<String, Object>> paid = call(rest, "cashier", HttpMethod.POST, "/api/payments",
				"{\"idempotencyKey\":\"" + key + "\",\"unitId\":" + txcUnit + ",\"amount\":12.34,\"method\":\"CASH\"}");
		assertThat(paid.getStatusCode()).isEqualTo(HttpStatus.OK);
		long paymentId = ((Number) paid.getBody().get("paymentId")).longValue();
		String receiptNumber = (String) paid.getBody().get("receiptNumber");
		String period = "T" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.update("""
				insert into bill (unit_id, fee_item_id, period, subject, amount, due_date, description, issued_at, issued_by)
				values (?, (select id from fee_item where code = 'MANAGEMENT' and estate_id = (select id from estate where code = 'TXC')),
				        ?, '', 20.00, ?, '测试', ?, 'test')""", txcUnit, period, Date.valueOf(LocalDate.now(clock)),
				Timestamp.from(clock.instant()));
		long billId = jdbc.queryForObject("select id from bill where unit_id = ? and period = ?", Long.class, txcUnit,
				period);
		int payments = count("payment");
		int reversals = count("reversal");
		int readings = count("meter_reading");

		String b = other.cashier();
		assertNotFound(b, HttpMethod.GET, "/api/units/" + txcUnit + "/account", null, txcUnitNumber);
		assertNotFound(b, HttpMethod.GET, "/api/payments/" + paymentId, null, receiptNumber);
		assertNotFound(b, HttpMethod.POST, "/api/payments/" + paymentId + "/reversal", "{\"reason\":\"收错了\"}",
				receiptNumber);
		assertNotFound(other.manager(), HttpMethod.POST, "/api/bills/" + billId + "/reversal", "{\"reason\":\"开错了\"}",
				txcUnitNumber);
		assertNotFound(b, HttpMethod.POST, "/api/bills/" + billId + "/deposit-refund",
				"{\"deduction\":0,\"reason\":\"退还\",\"method\":\"CASH\"}", txcUnitNumber);
		ResponseEntity<Map<String, Object>> unknownUnit = call(rest, b, HttpMethod.POST, "/api/payments",
				"{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"unitId\":" + txcUnit + ",\"amount\":1,\"method\":\"CASH\"}");
		ResponseEntity<Map<String, Object>> noUnit = call(rest, b, HttpMethod.POST, "/api/payments",
				"{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"unitId\":" + Long.MAX_VALUE + ",\"amount\":1,\"method\":\"CASH\"}");
		assertThat(unknownUnit.getStatusCode()).isEqualTo(noUnit.getStatusCode());
		assertThat(String.valueOf(unknownUnit.getBody())).doesNotContain(txcUnitNumber);
		ResponseEntity<Map<String, Object>> replay = call(rest, b, HttpMethod.POST, "/api/payments",
				"{\"idempotencyKey\":\"" + key + "\",\"unitId\":" + txcUnit + ",\"amount\":12.34,\"method\":\"CASH\"}");
		assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(String.valueOf(replay.getBody())).doesNotContain(receiptNumber);
		ResponseEntity<Map<String, Object>> reading = call(rest, b, HttpMethod.POST, "/api/meter-readings",
				"{\"unitId\":" + txcUnit + ",\"meter\":\"WATER\",\"reading\":99999,\"readOn\":\"" + LocalDate.now(clock) + "\"}");
		assertThat(reading.getStatusCode().is4xxClientError()).isTrue();
		assertThat(count("payment")).isEqualTo(payments);
		assertThat(count("reversal")).isEqualTo(reversals);
		assertThat(count("meter_reading")).isEqualTo(readings);

		WebSession cashier = WebSession.loggedIn(port, b);
		assertThat(cashier.get("/cashier/units/" + txcUnit).statusCode()).isEqualTo(404);
		var receipt = cashier.get("/cashier/receipts/" + paymentId);
		assertThat(receipt.statusCode()).isEqualTo(404);
		assertThat(receipt.body()).doesNotContain(receiptNumber);
		assertThat(cashier.get("/cashier?number=" + txcUnitNumber).headers().firstValue("Location")).isEmpty();
		assertThat(cashier.get("/cashier/report").body()).doesNotContain(receiptNumber);
		String requestId = UUID.randomUUID().toString();
		jdbc.update("""
				insert into billing_run_request (request_id, kind, period, process_instance_id, units, bills, total,
				                                 requested_by, requested_at, estate_id)
				values (?, 'MONTHLY', '2030-01', 'none', 1234, 1234, 99.99, 'cashier', ?,
				        (select id from estate where code = 'TXC'))""", requestId, Timestamp.from(clock.instant()));
		var run = cashier.get("/cashier/billing-runs/" + requestId);
		assertThat(run.statusCode()).isEqualTo(404);
		assertThat(run.body()).doesNotContain("1234");

		long refundSlip = jdbc.queryForList("""
				select f.id from refund f join unit_address u on u.unit_id = f.unit_id
				 where u.estate_id = (select id from estate where code = 'TXC')""", Long.class).stream().findFirst()
			.orElse(Long.MAX_VALUE);
		assertThat(cashier.get("/cashier/refunds/" + refundSlip).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldKeepFeeStandardsReportsAndStatementsToTheirEstate() {
		long txcManagement = jdbc.queryForObject(
				"select id from fee_item where code = 'MANAGEMENT' and estate_id = (select id from estate where code = 'TXC')",
				Long.class);
		WebSession manager = WebSession.loggedIn(port, other.manager());
		String standards = manager.get("/fee-standards").body();
		assertThat(standards).contains("物业管理费", "3.10").doesNotContain("暖气费");
		int changes = count("fee_rate_change");
		var changed = manager.submit("/fee-standards", "/fee-standards", "itemId=" + txcManagement
				+ "&price=9.99&validFrom=" + LocalDate.now(clock).plusMonths(1).withDayOfMonth(1) + "&reason=test");
		assertThat(changed.statusCode()).isEqualTo(404);
		assertThat(count("fee_rate_change")).isEqualTo(changes);

		long unit = jdbc.queryForObject("select unit_id from unit_address where unit_number = ?", Long.class,
				other.units().get(0));
		YearMonth last = YearMonth.now(clock).minusMonths(1);
		jdbc.update("""
				insert into bill (unit_id, fee_item_id, period, subject, amount, due_date, description, issued_at, issued_by)
				values (?, (select id from fee_item where code = 'MANAGEMENT' and estate_id = ?), ?, '', 77.70, ?, '测试', ?, 'test')""",
				unit, other.estate().id(), last.toString(), Date.valueOf(last.atDay(1)), Timestamp.from(clock.instant()));
		Map<String, Object> collection = call(rest, other.manager(), HttpMethod.GET,
				"/api/reports/collection?period=" + last, null).getBody();
		@SuppressWarnings("unchecked")
		Map<String, Object> total = (Map<String, Object>) collection.get("total");
		assertThat(new BigDecimal(total.get("due").toString())).isEqualByComparingTo("77.70");
		Map<String, Object> txcCollection = call(rest, "manager", HttpMethod.GET,
				"/api/reports/collection?period=" + last, null).getBody();
		assertThat(String.valueOf(txcCollection.get("byBuilding"))).doesNotContain(other.units().get(0).split("-")[0] + "号楼");
		@SuppressWarnings("unchecked")
		Map<String, Object> txcTotal = (Map<String, Object>) txcCollection.get("total");
		assertThat(new BigDecimal(txcTotal.get("due").toString())).isEqualByComparingTo(jdbc.queryForObject("""
				select coalesce(sum(b.amount), 0) from bill b join unit_address u on u.unit_id = b.unit_id
				  join fee_item f on f.id = b.fee_item_id
				 where u.estate_id = (select id from estate where code = 'TXC') and b.period = ? and f.income = true
				   and not exists (select 1 from reversal r where r.bill_id = b.id)""", BigDecimal.class, last.toString()));
		Map<String, Object> arrears = call(rest, other.manager(), HttpMethod.GET, "/api/reports/arrears", null).getBody();
		assertThat(new BigDecimal(arrears.get("total").toString())).isEqualByComparingTo("77.70");

		String category = "测试支出" + other.estate().code();
		assertThat(call(rest, other.manager(), HttpMethod.POST, "/api/expenses", "{\"period\":\"" + last
				+ "\",\"category\":\"" + category + "\",\"amount\":55.5,\"description\":\"测试\"}").getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		assertThat(call(rest, other.manager(), HttpMethod.GET, "/api/reports/statement?period=" + last, null).getBody()
			.toString()).contains(category);
		assertThat(call(rest, "manager", HttpMethod.GET, "/api/reports/statement?period=" + last, null).getBody()
			.toString()).doesNotContain(category);
		assertThat(call(rest, other.manager(), HttpMethod.POST, "/api/reports/statement/" + last + "/publication", null)
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String published = new WebSession(port).get("/public/statements?estate=" + other.estate().code()).body();
		assertThat(published).contains(other.estate().name(), category);
		assertThat(new WebSession(port).get("/public/statements?estate=TXC").body()).doesNotContain(category);
		assertThat(new WebSession(port).get("/public/statements?estate=NOPE").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldOpenTheOtherEstatesDunningCaseInItsTenant() {
		long unit = jdbc.queryForObject("select unit_id from unit_address where unit_number = ?", Long.class,
				other.units().get(1));
		LocalDate longAgo = LocalDate.now(clock).minusDays(120);
		jdbc.update("""
				insert into bill (unit_id, fee_item_id, period, subject, amount, due_date, description, issued_at, issued_by)
				values (?, (select id from fee_item where code = 'MANAGEMENT' and estate_id = ?), ?, '', 88.80, ?, '测试', ?, 'test')""",
				unit, other.estate().id(), YearMonth.from(longAgo).toString(), Date.valueOf(longAgo),
				Timestamp.from(clock.instant()));

		dunning.openForUnitsInArrears();

		var dunningCase = runtimeService.createProcessInstanceQuery().processDefinitionKey(FeeDunningProcess.KEY)
			.processInstanceBusinessKey(FeeDunningProcess.businessKey(other.estate().code(), other.units().get(1))).singleResult();
		assertThat(dunningCase.getTenantId()).isEqualTo(other.estate().code());
		assertThat(taskService.createTaskQuery().processInstanceId(dunningCase.getId()).list())
			.allMatch(task -> other.estate().code().equals(task.getTenantId()));
	}

	@Test
	void shouldAnswerTheOtherEstatesStaffAsIfTianxiachengsArchivesDidNotExist() {
		long archiveId = archives.create(txcUnit, txcUnitNumber, null, List.of(), "test");
		String archiveNumber = jdbc.queryForObject("select archive_number from owner_archive where id = ?", String.class,
				archiveId);
		int accesses = count("archive_access");
		int changes = count("archive_change");
		long ownerId = jdbc.queryForObject("select min(id) from owner where unit_id = ?", Long.class, txcUnit);

		assertNotFound(other.receptionist(), HttpMethod.GET, "/api/archives/" + archiveId, null, archiveNumber);
		assertNotFound(other.receptionist(), HttpMethod.GET, "/api/archives?unitId=" + txcUnit, null, archiveNumber);
		assertNotFound(other.receptionist(), HttpMethod.POST, "/api/archives/" + archiveId + "/access-requests",
				"{\"reason\":\"核对\",\"kind\":\"CONSULT\"}", archiveNumber);
		assertNotFound(other.receptionist(), HttpMethod.POST, "/api/archives/" + archiveId + "/changes",
				"{\"ownerId\":" + ownerId + ",\"field\":\"PHONE\",\"newValue\":\"13900000000\",\"reason\":\"更正\"}",
				archiveNumber);
		assertThat(count("archive_access")).isEqualTo(accesses);
		assertThat(count("archive_change")).isEqualTo(changes);

		ResponseEntity<Map<String, Object>> asked = call(rest, "receptionist", HttpMethod.POST,
				"/api/archives/" + archiveId + "/access-requests", "{\"reason\":\"核对\",\"kind\":\"CONSULT\"}");
		assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		long accessId = ((Number) asked.getBody().get("id")).longValue();
		assertNotFound(other.manager(), HttpMethod.GET, "/api/archive-accesses/" + accessId, null, archiveNumber);
		assertThat(rest.withBasicAuth(other.manager(), "demo").getForObject("/api/archives/read-log", String.class))
			.isEqualTo("[]");
		assertThat(WebSession.loggedIn(port, other.receptionist()).get("/archives/" + archiveId).statusCode())
			.isEqualTo(404);
	}

	private void assertNotFound(String user, HttpMethod method, String path, String body, String secret) {
		ResponseEntity<Map<String, Object>> answer = call(rest, user, method, path, body);
		assertThat(answer.getStatusCode()).as(method + " " + path).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(String.valueOf(answer.getBody())).as(method + " " + path).doesNotContain(secret);
	}

	private int billsOfPeriod(String estateCode, YearMonth month) {
		return jdbc.queryForObject("""
				select count(*) from bill b join unit_address u on u.unit_id = b.unit_id
				 where u.estate_id = (select id from estate where code = ?) and b.period = ?""", Integer.class,
				estateCode, month.toString());
	}

	private int count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

}
