package cn.tianxiacheng.servicecenter.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Every kind of bill draws on the unit's prepaid money, arrears are net of it, implausible
 * amounts and periods are refused with a clear 422, and the API takes only well-formed JSON.
 */
@IntegrationTest
class MoneyRulesIntegrationTests extends IntegrationTestSupport {

	private static final AtomicInteger UNITS = new AtomicInteger();

	@Autowired
	Ledger ledger;

	@Test
	void shouldLetAMeteredBillDrawOnThePrepaidBalance() {
		long unitId = unitWithoutBills();
		pay(unitId, "500.00");
		String today = LocalDate.now().toString();
		String yesterday = LocalDate.now().minusDays(1).toString();
		assertThat(reading(unitId, "100.00", yesterday).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(reading(unitId, "110.00", today).getStatusCode()).isEqualTo(HttpStatus.OK);

		Map<String, Object> account = account(unitId);
		assertThat(new BigDecimal(account.get("outstanding").toString())).as("the water bill is paid from 预存")
			.isEqualByComparingTo("0.00");
		assertThat(new BigDecimal(account.get("prepaid").toString())).isEqualByComparingTo("451.00");
		assertThat(new BigDecimal(account.get("balance").toString())).isEqualByComparingTo("-451.00");
	}

	@Test
	void shouldNotCountAUnitInCreditAsInArrears() {
		long unitId = unitWithoutBills();
		pay(unitId, "300.00");
		jdbc.update("""
				insert into bill (unit_id, fee_item_id, period, subject, amount, due_date, description, issued_at, issued_by)
				values (?, (select min(id) from fee_item where code = 'MANAGEMENT'), '2026-02', '', 120.00, ?,
				        '导入的历史欠费', ?, 'import')""", unitId, Date.valueOf(LocalDate.now().minusDays(60)),
				Timestamp.from(Instant.now()));

		long estate = jdbc.queryForObject("select id from estate where code = 'TXC'", Long.class);
		assertThat(ledger.arrears(estate, LocalDate.now())).noneMatch(arrears -> arrears.unitId() == unitId);
		assertThat(ledger.isInArrears(unitId)).isFalse();
	}

	@Test
	void shouldRefuseImplausibleAmountsAndPeriods() {
		long unitId = unitWithoutBills();
		assertRefused(payment(unitId, "9999999999.99"), HttpStatus.UNPROCESSABLE_ENTITY, "单笔收款不能超过");
		assertRefused(StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/billing-runs",
				"{\"kind\":\"HEATING\",\"period\":\"1990\"}"), HttpStatus.UNPROCESSABLE_ENTITY, "不在可开账的范围内");
		assertRefused(StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/billing-runs",
				"{\"kind\":\"MONTHLY\",\"period\":\"2019-12\"}"), HttpStatus.UNPROCESSABLE_ENTITY, "不在可开账的范围内");
		assertRefused(StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/shared-costs",
				"{\"itemCode\":\"SHARED_ELECTRICITY\",\"period\":\"1999-01\",\"total\":100}"),
				HttpStatus.UNPROCESSABLE_ENTITY, "不在可开账的范围内");
		assertThat(jdbc.queryForObject("select count(*) from payment where unit_id = ?", Integer.class, unitId)).isZero();
	}

	@Test
	void shouldTakeOnlyWellFormedJson() {
		long unitId = unitWithoutBills();
		String key = UUID.randomUUID().toString();
		assertThat(StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/payments",
				"{\"idempotencyKey\":\"" + key + "\",\"unitId\":" + unitId + ".5,\"amount\":10,\"method\":\"CASH\"}")
			.getStatusCode()).as("a fraction for a whole number").isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/payments",
				"{\"idempotencyKey\":\"" + key + "\",\"unitId\":" + unitId
						+ ",\"amount\":10,\"method\":\"CASH\",\"discount\":5}")
			.getStatusCode()).as("an unknown field").isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/payments",
				"{\"idempotencyKey\":\"" + key + "\",\"unitId\":" + unitId + ",\"amount\":10,\"method\":\"CASH\"} {}")
			.getStatusCode()).as("something after the JSON").isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(jdbc.queryForObject("select count(*) from payment where idempotency_key = ?", Integer.class, key))
			.isZero();
	}

	/** A unit of its own for each test, so that other tests' bills do not meet it. */
	private long unitWithoutBills() {
		String number = "9-9-" + (1000 + UNITS.incrementAndGet());
		jdbc.update("""
				insert into unit (building_id, entrance, floor, number, area_m2, type, status)
				select min(id), 9, 9, ?, 88.50, 'RESIDENTIAL', 'OCCUPIED' from building""", number);
		return jdbc.queryForObject("select id from unit where number = ?", Long.class, number);
	}

	private void pay(long unitId, String amount) {
		assertThat(payment(unitId, amount).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private ResponseEntity<Map<String, Object>> payment(long unitId, String amount) {
		return StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/payments", "{\"idempotencyKey\":\""
				+ UUID.randomUUID() + "\",\"unitId\":" + unitId + ",\"amount\":" + amount + ",\"method\":\"CASH\"}");
	}

	private ResponseEntity<Map<String, Object>> reading(long unitId, String reading, String readOn) {
		return StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/meter-readings",
				"{\"unitId\":" + unitId + ",\"meter\":\"WATER\",\"reading\":" + reading + ",\"readOn\":\"" + readOn + "\"}");
	}

	private Map<String, Object> account(long unitId) {
		return StaffApi.call(rest, "cashier", HttpMethod.GET, "/api/units/" + unitId + "/account", null).getBody();
	}

	private static void assertRefused(ResponseEntity<Map<String, Object>> response, HttpStatus status, String message) {
		assertThat(response.getStatusCode()).isEqualTo(status);
		assertThat(response.getBody().get("detail").toString()).contains(message);
	}

}
