package cn.tianxiacheng.servicecenter.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.WebSession;
import org.junit.jupiter.api.Test;

/**
 * A page form's refused input comes back on the page the form is on ({@link RefusedPageInput}):
 * the 4xx, the field named in Chinese (never a Java type's or a parser's English), what was typed
 * still in the fields, and nothing written.
 */
@IntegrationTest
class RefusedPageInputIntegrationTests extends IntegrationTestSupport {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Test
	void shouldShowAnUnreadableDateOnTheNoticeFormWithWhatWasTyped() {
		int before = count("notice");
		HttpResponse<String> page = WebSession.loggedIn(port, "receptionist").submit("/notices", "/notices",
				"requestId=" + UUID.randomUUID() + "&title=" + encode("三号楼停电通知") + "&body=" + encode("检修配电房")
						+ "&buildings=3&validFrom=" + encode("明天") + "&validTo=" + LocalDate.now(SHANGHAI));

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("开始日期：日期格式不正确", "value=\"三号楼停电通知\"", "检修配电房", "发布服务信息")
			.doesNotContain("validFrom：", "LocalDate", "Failed to convert");
		assertThat(page.body()).containsPattern("value=\"3\"\\s+checked");
		assertThat(count("notice")).isEqualTo(before);
	}

	@Test
	void shouldShowAnAmountInWordsOnTheStatementPageOfItsMonth() {
		// a month that no other test publishes (publishing closes its expenses)
		YearMonth month = YearMonth.now(SHANGHAI).minusMonths(8);
		int before = count("expense");
		HttpResponse<String> page = WebSession.loggedIn(port, "cashier").submit("/statements?period=" + month,
				"/statements/" + month + "/expenses", "requestId=" + UUID.randomUUID() + "&category="
						+ encode("办公费用") + "&amount=" + encode("一千元") + "&description=" + encode("复印纸十箱"));

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("金额应为大于 0 的金额", "value=\"复印纸十箱\"", "value=\"一千元\"", "收支表 <span>" + month)
			.doesNotContain("Character", "is neither");
		assertThat(count("expense")).isEqualTo(before);
	}

	@Test
	void shouldShowTheRuleOfABusinessRefusalWith422() {
		int before = count("fee_rate_change");
		HttpResponse<String> page = WebSession.loggedIn(port, "manager").submit("/fee-standards", "/fee-standards",
				"requestId=" + UUID.randomUUID() + "&itemId=" + jdbc.queryForObject(
						"select id from fee_item where code = 'ACCESS_CARD' and estate_id = " + TIANXIACHENG, Long.class)
						+ "&unitType=SHOP&price=25.00&validFrom=" + LocalDate.now(SHANGHAI).minusDays(1) + "&reason=" + encode("物价批复"));

		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(page.body()).contains("生效日期不能早于今天", "value=\"物价批复\"", "value=\"25.00\"");
		assertThat(count("fee_rate_change")).isEqualTo(before);
	}

	@Test
	void shouldShowAnAmountInWordsOnTheCounterWithTheSamePaymentKey() {
		long unitId = jdbc.queryForObject("select min(id) from unit where building_id in " + TIANXIACHENG_BUILDINGS,
				Long.class);
		String key = UUID.randomUUID().toString();
		int before = count("payment");
		HttpResponse<String> page = WebSession.loggedIn(port, "cashier").submit("/cashier/units/" + unitId,
				"/cashier/units/" + unitId + "/payments",
				"idempotencyKey=" + key + "&amount=" + encode("二百六十八元") + "&method=CASH");

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("金额必须是大于 0、最多两位小数的数字", "name=\"idempotencyKey\" value=\"" + key + "\"")
			.doesNotContain("amount：", "BigDecimal");
		assertThat(count("payment")).isEqualTo(before);
	}

	@Test
	void shouldShowAVehicleLineOfCommasOnTheMoveInFormWithTheUnitTyped() {
		int before = count("move_in");
		HttpResponse<String> page = WebSession.loggedIn(port, "receptionist").submit("/move-ins/new", "/move-ins",
				"requestId=" + UUID.randomUUID() + "&unitNumber=1-1-101&contractNumber=" + encode("HT-2026-0777")
						+ "&ownerName=" + encode("赵六") + "&ownerIdNumber=110105198001011234&ownerPhone=13800007777"
						+ "&ownerName=&ownerIdNumber=&ownerPhone=&members=&vehicles=" + encode("，,"));

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("住户或车辆每行需用逗号分隔各项", "value=\"1-1-101\"", "value=\"HT-2026-0777\"");
		assertThat(count("move_in")).isEqualTo(before);
	}

	private int count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
