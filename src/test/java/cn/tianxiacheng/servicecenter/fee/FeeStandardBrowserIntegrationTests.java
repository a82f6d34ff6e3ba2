package cn.tianxiacheng.servicecenter.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.BrowserTestSupport;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * 收费标准 in a real browser, with screenshots under {@code target/screenshots/}: the manager sets a
 * price for shops years ahead and sees it waiting in the table and in the history; the cashier
 * reads the standards without the form.
 */
@IntegrationTest
class FeeStandardBrowserIntegrationTests extends BrowserTestSupport {

	@Test
	void shouldChangeAStandardAndShowItsHistory() {
		LocalDate from = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusYears(9).withDayOfYear(1);
		try (Browser manager = Browser.open(port, 1400).login("manager")) {
			manager.go("/fee-standards");
			new Select(manager.find(By.name("itemId"))).selectByVisibleText("垃圾清运费（元）");
			new Select(manager.find(By.name("unitType"))).selectByVisibleText("商铺");
			manager.find(By.name("price")).sendKeys("450.00");
			manager.setValue(By.name("validFrom"), from.toString());
			manager.find(By.name("reason")).sendKeys("商铺垃圾量大，按业主大会决议单列");
			manager.screenshot("fee-standards-01-manager-sets-a-price");
			manager.click(By.cssSelector("form.stacked button[type=submit]"));

			assertThat(manager.find(By.cssSelector("p.notice")).getText()).contains("收费标准已调整");
			assertThat(manager.text()).contains("450.00", "待执行", "商铺垃圾量大，按业主大会决议单列");
			manager.screenshot("fee-standards-02-the-new-price-waits-and-is-in-the-history");
		}
		try (Browser cashier = Browser.open(port, 1400).login("cashier")) {
			cashier.go("/fee-standards");
			assertThat(cashier.text()).contains("收费标准", "物业管理费", "450.00").doesNotContain("调整收费标准");
			cashier.screenshot("fee-standards-03-cashier-reads-the-standards");
		}
	}

}
