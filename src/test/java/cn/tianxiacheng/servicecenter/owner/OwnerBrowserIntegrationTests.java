package cn.tianxiacheng.servicecenter.owner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.BrowserTestSupport;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An owner on a 390 px phone signs in with the code sent to the number on file, sees the unit's
 * bills and switches to the other unit they are on file for; the administrator reads the code on
 * the development page. Screenshots {@code target/screenshots/owner-*}.
 */
@IntegrationTest
class OwnerBrowserIntegrationTests extends BrowserTestSupport {

	@Autowired
	LoggedCodes codes;

	@Test
	void shouldSignInWithACodeAndSwitchUnitsOnAPhone() {
		List<Long> units = jdbc.queryForList("""
				select u.id from unit u join building b on b.id = u.building_id
				 where b.estate_id = """ + TIANXIACHENG + """
				  and u.status = 'OCCUPIED' and exists (select 1 from owner o where o.unit_id = u.id)
				 order by u.id offset 270 rows fetch first 2 rows only""", Long.class);
		String phone = jdbc.queryForObject("select min(phone) from owner where unit_id = ?", String.class, units.get(0));
		jdbc.update("insert into resident (unit_id, name, relation, phone) values (?, '测试家人', '父母', ?)", units.get(1),
				phone);
		String owned = jdbc.queryForObject("select number from unit where id = ?", String.class, units.get(0));
		String member = jdbc.queryForObject("select number from unit where id = ?", String.class, units.get(1));

		try (Browser owner = Browser.open(port, 390)) {
			// headless Chromium keeps a window at least 500 px wide: the phone's width is emulated
			owner.driver()
				.executeCdpCommand("Emulation.setDeviceMetricsOverride",
						Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
			owner.go("/owner");
			owner.find(By.id("phone")).sendKeys(phone);
			owner.screenshot("owner-01-login");
			owner.click(By.xpath("//button[normalize-space(.)='获取验证码']"));
			owner.waitForText(By.cssSelector("main"), "如该号码已登记，验证码已发送");
			owner.find(By.id("code")).sendKeys(codes.lastCodeFor(phone).orElseThrow());
			owner.screenshot("owner-02-code");
			owner.click(By.xpath("//button[normalize-space(.)='登录']"));

			owner.waitForText(By.cssSelector("main h1"), owned);
			assertThat(owner.text()).contains("待缴金额", "预存余额", "业主", "切换房屋（共 2 套）");
			assertThat(owner.driver()
				.executeScript("return document.documentElement.scrollWidth <= window.innerWidth")).as("fits the phone")
				.isEqualTo(true);
			owner.screenshot("owner-03-home");

			owner.click(By.linkText("切换房屋（共 2 套）"));
			owner.waitForText(By.cssSelector("main"), member);
			owner.screenshot("owner-04-units");
			owner.click(By.xpath("//form[contains(., '" + member + "')]//button"));
			owner.waitForText(By.cssSelector("main h1"), member);
			assertThat(owner.text()).contains("家庭成员").doesNotContain("待缴金额");
			owner.screenshot("owner-05-home-of-the-other-unit");
		}
		try (Browser admin = Browser.open(port, 1400).login("admin")) {
			admin.go("/owner/dev-codes");
			admin.waitForText(By.cssSelector("main h1"), "开发设置");
			assertThat(admin.text()).contains(phone.substring(0, 3) + "****" + phone.substring(7));
			admin.screenshot("owner-06-dev-codes");
		}
	}

}
