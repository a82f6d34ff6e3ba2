package cn.tianxiacheng.servicecenter.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.BrowserTestSupport;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.fee.CaseFees.CaseFee;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * A deposit handed back in cash, in a real browser, with screenshots under
 * {@code target/screenshots/}: the unit's account lists the refund, the refund slip prints for the
 * owner to sign, and the cashier's daily report takes the cash out of the drawer.
 */
@IntegrationTest
class CashierRefundBrowserIntegrationTests extends BrowserTestSupport {

	@Autowired
	CaseFees caseFees;

	@Test
	void shouldShowARefundOnTheAccountTheSlipAndTheDailyReport() {
		long unitId = jdbc.queryForObject("select id from unit where number = '2-2-1201'", Long.class);
		String decoration = "ZX-TEST-" + UUID.randomUUID().toString().substring(0, 8);
		caseFees.issue(decoration, unitId, CaseFee.parse("DECORATION_DEPOSIT"), "test");
		long deposit = jdbc.queryForObject("select id from bill where period = ?", Long.class, decoration);
		assertThat(StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/payments", "{\"idempotencyKey\":\""
				+ UUID.randomUUID() + "\",\"unitId\":" + unitId + ",\"amount\":3000.00,\"method\":\"CASH\",\"billIds\":"
				+ List.of(deposit) + "}").getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, Object> refunded = StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/bills/" + deposit
				+ "/deposit-refund", "{\"deduction\":200.00,\"reason\":\"损坏公共墙面\",\"method\":\"CASH\"}").getBody();
		assertThat(refunded).containsKey("refunded");
		long refundId = jdbc.queryForObject("select max(id) from refund where bill_id = ?", Long.class, deposit);

		try (Browser cashier = Browser.open(port, 1400).login("cashier")) {
			cashier.go("/cashier/units/" + unitId);
			assertThat(cashier.find(By.cssSelector("table.refunds")).getText()).contains("2800.00", "现金", "损坏公共墙面");
			cashier.screenshot("fee-refund-01-the-account-lists-the-refund");
			cashier.click(By.linkText(RefundSlips.number(refundId)));
			assertThat(cashier.text()).contains("退款单", "贰仟捌佰元整", "领款人签字", "2-2-1201");
			cashier.screenshot("fee-refund-02-the-slip-for-the-owner-to-sign");
			cashier.go("/cashier/report");
			assertThat(cashier.find(By.cssSelector("table.cash-totals")).getText()).contains("现金", "退款", "应交", "−");
			assertThat(cashier.find(By.cssSelector("table.refunds")).getText()).contains(RefundSlips.number(refundId),
					"2800.00", "2-2-1201");
			assertThat(cashier.text()).doesNotContain("· cashier");
			cashier.screenshot("fee-refund-03-the-daily-report-takes-the-cash-out");
		}
	}

}
