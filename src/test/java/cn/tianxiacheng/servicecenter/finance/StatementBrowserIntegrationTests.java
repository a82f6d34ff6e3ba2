package cn.tianxiacheng.servicecenter.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneId;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.BrowserTestSupport;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * 收支表 in a real browser, with screenshots under {@code target/screenshots/}: the cashier enters an
 * expense of a finished month, the manager previews the month's statement and publishes it, and
 * anyone reads it on the public page.
 */
@IntegrationTest
class StatementBrowserIntegrationTests extends BrowserTestSupport {

	@Test
	void shouldEnterAnExpensePreviewAndPublishTheStatement() {
		YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(6);
		try (Browser cashier = Browser.open(port, 1400).login("cashier")) {
			cashier.go("/statements?period=" + month);
			cashier.find(By.name("category")).sendKeys("清洁绿化");
			cashier.find(By.name("amount")).sendKeys("2680.00");
			cashier.find(By.name("description")).sendKeys("草坪补种及绿化养护");
			cashier.screenshot("statement-01-cashier-enters-an-expense");
			cashier.click(By.cssSelector("form.expense button[type=submit]"));
			assertThat(cashier.find(By.cssSelector("p.notice")).getText()).contains("支出已录入");
			assertThat(cashier.text()).contains("草坪补种及绿化养护", "2680.00");
		}
		try (Browser manager = Browser.open(port, 1400).login("manager")) {
			manager.go("/statements?period=" + month);
			assertThat(manager.text()).contains("未公布，预览", "清洁绿化", "2680.00");
			manager.screenshot("statement-02-manager-previews-the-month");
			manager.click(By.cssSelector("form.publish button[type=submit]"));
			assertThat(manager.find(By.cssSelector("p.notice")).getText()).contains("已向业主公布");
			manager.screenshot("statement-03-published");
			manager.go("/public/statements?estate=TXC");
			assertThat(manager.text()).contains(month + " 收支表", "清洁绿化");
		}
	}

}
