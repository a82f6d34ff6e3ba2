package cn.tianxiacheng.servicecenter.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.WebSession;
import org.junit.jupiter.api.Test;

/**
 * The 收费标准 page: it opens to the cashier, reception, the manager, the director and the auditor and
 * refuses the others; only the manager changes a rate, from a date not in the past, once per
 * request, with the old rate ended the day before and the change in the history; bad input
 * changes nothing. The rates changed here start years ahead, so no other test bills by them.
 */
@IntegrationTest
class FeeStandardPageIntegrationTests extends IntegrationTestSupport {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@Test
	void shouldOpenTheFeeStandardsToTheirRolesOnly() {
		for (String user : new String[] { "cashier", "receptionist", "manager", "director", "auditor" }) {
			HttpResponse<String> page = WebSession.loggedIn(port, user).get("/fee-standards");
			assertThat(page.statusCode()).as(user).isEqualTo(200);
			assertThat(page.body()).as(user).contains("物业管理费", "元/m²/月", "2.20", "住宅");
		}
		for (String user : new String[] { "engineer", "guard", "cleaner" }) {
			assertThat(WebSession.loggedIn(port, user).get("/fee-standards").statusCode()).as(user).isEqualTo(403);
		}
		assertThat(WebSession.loggedIn(port, "cashier").get("/fee-standards").body()).doesNotContain("调整收费标准");
		assertThat(WebSession.loggedIn(port, "manager").get("/fee-standards").body()).contains("调整收费标准");
	}

	@Test
	void shouldChangeARateFromADateOnceAndKeepTheHistory() {
		long item = item("WORKER_PASS");
		LocalDate from = TODAY.plusYears(8).withDayOfYear(1);
		String requestId = UUID.randomUUID().toString();
		WebSession manager = WebSession.loggedIn(port, "manager");
		String fields = "requestId=" + requestId + "&itemId=" + item + "&unitType=&price=12.50&validFrom=" + from
				+ "&reason=" + encode("工本费上调（物价批复 2026-18 号）");
		assertThat(manager.submit("/fee-standards", "/fee-standards", fields).statusCode()).isEqualTo(302);
		assertThat(manager.submit("/fee-standards", "/fee-standards", fields).statusCode()).as("sent again").isEqualTo(302);

		List<Map<String, Object>> rates = jdbc.queryForList(
				"select price, valid_from, valid_to from fee_rate where fee_item_id = ? and unit_type is null order by valid_from",
				item);
		assertThat(rates).hasSize(2);
		assertThat((BigDecimal) rates.get(0).get("price")).isEqualByComparingTo("10.00");
		assertThat(rates.get(0).get("valid_to").toString()).isEqualTo(from.minusDays(1).toString());
		assertThat((BigDecimal) rates.get(1).get("price")).isEqualByComparingTo("12.50");
		assertThat(rates.get(1).get("valid_to")).isNull();
		assertThat(jdbc.queryForObject("select count(*) from fee_rate_change where request_id = ?", Integer.class,
				requestId)).isOne();
		HttpResponse<String> page = WebSession.loggedIn(port, "auditor").get("/fee-standards");
		assertThat(page.body()).contains("工本费上调（物价批复 2026-18 号）", "12.50", "待执行", from.toString());
	}

	@Test
	void shouldRefuseBadInputAndOtherRolesChangingNothing() {
		long item = item("ACCESS_CARD");
		LocalDate from = TODAY.plusYears(8);
		int ratesBefore = count("fee_rate");
		int changesBefore = count("fee_rate_change");
		WebSession manager = WebSession.loggedIn(port, "manager");
		String base = "requestId=" + UUID.randomUUID() + "&itemId=" + item + "&unitType=SHOP&reason=" + encode("测试");

		HttpResponse<String> fraction = manager.submit("/fee-standards", "/fee-standards", base + "&price=20.005&validFrom=" + from);
		assertThat(fraction.statusCode()).isEqualTo(400);
		assertThat(fraction.body()).contains("最多两位小数");
		HttpResponse<String> past = manager.submit("/fee-standards", "/fee-standards",
				base + "&price=25.00&validFrom=" + TODAY.minusDays(1));
		assertThat(past.statusCode()).isEqualTo(422);
		assertThat(past.body()).contains("生效日期不能早于今天");
		assertThat(manager.submit("/fee-standards", "/fee-standards", base.replace("SHOP", "CASTLE") + "&price=25.00&validFrom="
				+ from).statusCode()).isEqualTo(400);
		assertThat(manager.submit("/fee-standards", "/fee-standards", base.replace("&reason=" + encode("测试"), "&reason=")
				+ "&price=25.00&validFrom=" + from).statusCode()).as("no reason").isEqualTo(400);
		assertThat(manager.submit("/fee-standards", "/fee-standards", "requestId=" + UUID.randomUUID() + "&itemId="
				+ item("SHARED_ELECTRICITY") + "&price=1.00&validFrom=" + from + "&reason=x").statusCode())
			.as("shared costs have no standard").isEqualTo(422);
		assertThat(manager.submit("/fee-standards", "/fee-standards", "requestId=" + UUID.randomUUID()
				+ "&itemId=999999&price=1.00&validFrom=" + from + "&reason=x").statusCode()).isEqualTo(404);
		for (String user : new String[] { "cashier", "director", "auditor", "receptionist" }) {
			assertThat(WebSession.loggedIn(port, user).submit("/", "/fee-standards", base + "&price=25.00&validFrom=" + from)
				.statusCode()).as(user).isEqualTo(403);
		}
		assertThat(count("fee_rate")).isEqualTo(ratesBefore);
		assertThat(count("fee_rate_change")).isEqualTo(changesBefore);
	}

	private long item(String code) {
		return jdbc.queryForObject(
				"select id from fee_item where code = ? and estate_id = (select id from estate where code = 'TXC')",
				Long.class, code);
	}

	private int count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
