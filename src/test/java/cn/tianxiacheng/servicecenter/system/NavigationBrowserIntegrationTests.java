package cn.tianxiacheng.servicecenter.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.BrowserTestSupport;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.OtherEstate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The top bar groups the pages as staff think of them, shows each role only its groups, marks
 * where one is, fits one line on a desk and folds into a menu button on a phone; it names the estate
 * one works in and lets a staff member of several switch.
 */
@IntegrationTest
class NavigationBrowserIntegrationTests extends BrowserTestSupport {

	@Autowired
	EstateTenants tenants;

	@Test
	void shouldShowTheManagerGroupsOnOneLineAndMarkTheCurrentOne() {
		try (Browser manager = Browser.open(port, 1440).login("manager")) {
			assertThat(groups(manager)).containsExactly("前台受理", "工单", "收费", "物业管理", "社区", "管理 / 审计");
			WebElement bar = manager.find(By.cssSelector("header.topbar"));
			WebElement brand = manager.find(By.cssSelector("header.topbar .brand"));
			assertThat(bar.getSize().getHeight()).as("one line: the bar is not taller than two of its lines")
				.isLessThan(2 * brand.getSize().getHeight() + 24);

			manager.menu("收费", "收支表");
			assertThat(manager.find(By.cssSelector("details.nav-group.current summary")).getText()).isEqualTo("收费");
			manager.menu("收费", "收缴率与欠费");
			assertThat(manager.find(By.cssSelector("details.nav-group.current summary")).getText()).isEqualTo("收费");
			manager.menu("收费", "全中心收款日报");
			assertThat(manager.find(By.cssSelector("details.nav-group.current summary")).getText()).isEqualTo("收费");
			manager.menu("管理 / 审计", "运营看板");
			assertThat(manager.find(By.cssSelector("details.nav-group.current summary")).getText())
				.isEqualTo("管理 / 审计");
			manager.click(By.xpath("//header//summary[normalize-space(.)='社区']"));
			manager.screenshot("nav-01-manager-desk-community-open");
		}
	}

	@Test
	void shouldShowEachRoleOnlyItsGroups() {
		try (Browser cashier = Browser.open(port, 1440).login("cashier")) {
			assertThat(groups(cashier)).contains("收费").doesNotContain("社区", "管理 / 审计");
			cashier.click(By.xpath("//header//summary[normalize-space(.)='收费']"));
			assertThat(cashier.find(By.cssSelector("details.nav-group[open] .nav-items")).getText())
				.contains("收费台", "收款日报", "收缴率与欠费").doesNotContain("全中心收款日报");
		}
		try (Browser guard = Browser.open(port, 1440).login("guard")) {
			assertThat(groups(guard)).doesNotContain("收费", "社区", "管理 / 审计");
			guard.menu("前台受理", "门岗查验");
			assertThat(guard.driver().getCurrentUrl()).endsWith("/gate");
		}
	}

	@Test
	void shouldFoldIntoAMenuButtonOnAPhone() {
		try (Browser receptionist = Browser.open(port, 390).login("receptionist")) {
			assertThat(receptionist.driver().findElement(By.cssSelector("header.topbar nav")).isDisplayed()).isFalse();
			receptionist.screenshot("nav-02-phone-closed");
			receptionist.click(By.cssSelector("label.nav-button"));
			receptionist.menu("工单", "登记工单");
			assertThat(receptionist.driver().getCurrentUrl()).endsWith("/cases/new");
			receptionist.click(By.cssSelector("label.nav-button"));
			receptionist.click(By.xpath("//header//summary[normalize-space(.)='前台受理']"));
			receptionist.screenshot("nav-03-phone-menu-open");
		}
	}

	@Test
	void shouldShowTheEstateAndSwitchAStaffMemberOfTwoEstates() {
		OtherEstate other = OtherEstate.create(jdbc, tenants, identityService);
		String auditor = other.auditorAlsoInTianxiacheng(identityService);
		try (Browser manager = Browser.open(port, 1440).login(auditor)) {
			assertThat(manager.find(By.cssSelector("header.topbar .brand")).getText()).isEqualTo("天下城物业服务中心");
			manager.screenshot("nav-04-two-estates-desk");
			new Select(manager.find(By.id("estate-code"))).selectByVisibleText(other.estate().name());
			manager.click(By.cssSelector("form.estate-switch button"));
			assertThat(manager.find(By.cssSelector("header.topbar .brand")).getText())
				.isEqualTo(other.estate().name() + "物业服务中心");
			assertThat(new Select(manager.find(By.id("estate-code"))).getOptions()).extracting(WebElement::getText)
				.containsExactly("天下城");
		}
		try (Browser manager = Browser.open(port, 390).login(auditor)) {
			manager.screenshot("nav-05-two-estates-phone");
		}
		try (Browser receptionist = Browser.open(port, 1440).login("receptionist")) {
			assertThat(receptionist.driver().findElements(By.cssSelector("form.estate-switch"))).isEmpty();
		}
	}

	@Test
	void shouldSwitchTheRegionalManagerBetweenTheThreeDemoEstates() {
		try (Browser regional = Browser.open(port, 1440).login("regional")) {
			assertThat(regional.find(By.cssSelector("header.topbar .brand")).getText()).isEqualTo("天下城物业服务中心");
			assertThat(new Select(regional.find(By.id("estate-code"))).getOptions()).extracting(WebElement::getText)
				.containsExactlyInAnyOrder("翠湖苑", "锦江花园");
			new Select(regional.find(By.id("estate-code"))).selectByVisibleText("翠湖苑");
			regional.click(By.cssSelector("form.estate-switch button"));
			assertThat(regional.find(By.cssSelector("header.topbar .brand")).getText()).isEqualTo("翠湖苑物业服务中心");
			assertThat(new Select(regional.find(By.id("estate-code"))).getOptions()).extracting(WebElement::getText)
				.containsExactlyInAnyOrder("天下城", "锦江花园");
			regional.screenshot("nav-09-regional-in-cuihu");
		}
	}

	@Test
	void shouldCompareTheEstatesForTheGroupAuditorAndEnterOne() {
		OtherEstate other = OtherEstate.create(jdbc, tenants, identityService);
		try (Browser auditor = Browser.open(port, 1440).login("groupaudit")) {
			auditor.menu("管理", "项目对比");
			List<String> estates = auditor.driver()
				.findElements(By.cssSelector("table.head-office tbody tr td:first-child"))
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(estates).contains("天下城", other.estate().name());
			assertThat(auditor.find(By.cssSelector("table.head-office tfoot")).getText()).startsWith("合计");
			auditor.screenshot("nav-06-head-office");
			auditor.click(By.xpath("//table[contains(@class,'head-office')]//tr[td[1][normalize-space(.)='"
					+ other.estate().name() + "']]//button"));
			assertThat(auditor.driver().getCurrentUrl()).endsWith("/dashboard");
			assertThat(auditor.find(By.cssSelector("header.topbar .brand")).getText())
				.isEqualTo(other.estate().name() + "物业服务中心");
			auditor.screenshot("nav-07-head-office-entered");
		}
		try (Browser auditor = Browser.open(port, 390).login("groupaudit")) {
			auditor.go("/head-office");
			auditor.screenshot("nav-08-head-office-phone");
		}
	}

	private static List<String> groups(Browser browser) {
		return browser.driver()
			.findElements(By.cssSelector("header.topbar nav details.nav-group summary"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

}
