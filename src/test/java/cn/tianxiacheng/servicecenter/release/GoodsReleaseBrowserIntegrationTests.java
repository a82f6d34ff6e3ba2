package cn.tianxiacheng.servicecenter.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.BrowserTestSupport;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.StaffApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A goods release in a real browser, each step as the staff member who does it, with screenshots
 * under {@code target/screenshots/}: reception fills the request for an owner, another
 * receptionist reviews it in Tasklist (four eyes), and it is printable with its check code; the guard, on a phone (390 px wide),
 * types the number and code, ticks the items and releases, and a second scan is refused; the
 * manager reads the report.
 */
@IntegrationTest
class GoodsReleaseBrowserIntegrationTests extends BrowserTestSupport {

	@Test
	void shouldWalkAPassFromTheCounterToTheGate() {
		Map<String, Object> owner = jdbc.queryForMap("""
				select u.number, o.name from owner o join unit u on u.id = o.unit_id
				 where o.id = (select max(o2.id) from owner o2 join unit u2 on u2.id = o2.unit_id
				                where o2.move_in_date is not null and u2.building_id in %s)""".formatted(TIANXIACHENG_BUILDINGS));
		LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0);
		String passNumber;
		String signature;
		try (Browser reception = Browser.open(port, 1400).login("receptionist")) {
			reception.go("/release-passes/new");
			reception.find(By.name("unitNumber")).sendKeys((String) owner.get("number"));
			reception.find(By.name("applicantName")).sendKeys((String) owner.get("name"));
			reception.find(By.name("applicantPhone")).sendKeys("13912345678");
			reception.find(By.cssSelector("input[name=itemName]")).sendKeys("旧冰箱");
			reception.find(By.cssSelector("input[name=itemQuantity]")).sendKeys("1");
			reception.find(By.cssSelector("input[name=itemNote]")).sendKeys("送维修");
			reception.driver().findElements(By.name("itemName")).get(1).sendKeys("纸箱");
			reception.driver().findElements(By.name("itemQuantity")).get(1).sendKeys("6");
			reception.driver().executeScript("arguments[0].value = arguments[1]", reception.find(By.name("validFrom")),
					now.minusHours(1).toString());
			reception.find(By.name("vehiclePlate")).sendKeys("冀A12345");
			reception.screenshot("release-01-reception-fills-the-request");
			reception.click(By.cssSelector("form.stacked button[type=submit]"));
			passNumber = reception.find(By.cssSelector("h1 span")).getText();
			assertThat(passNumber).matches("TXC-FX-\\d{8}-\\d{4}");
			assertThat(reception.text()).contains("审核中", "旧冰箱", "受理放行申请");
			reception.screenshot("release-02-reception-sees-the-request");

			String instance = jdbc.queryForObject("select process_instance_id from release_pass where pass_number = ?",
					String.class, passNumber);
			StaffApi.awaitJobs(managementService, instance);
			try (Browser colleague = Browser.open(port, 1400).login("receptionist2")) {
				WebElement card = colleague.taskCard(filterService, "待领取 · 接待员", passNumber);
				assertThat(card.getText()).contains(passNumber, (String) owner.get("number"), "物品放行");
				colleague.openTask(filterService, "待领取 · 接待员", passNumber);
				colleague.click(By.cssSelector("button.claim"));
				colleague.waitForText(By.tagName("body"), "旧冰箱 ×1");
				colleague.click(By.xpath("//label[contains(., '同意放行，签发放行条')]"));
				colleague.type(By.cssSelector("[id$=Field_opinion]"), "业主本人到场，物品与申请一致");
				colleague.screenshot("release-03-another-receptionist-reviews-in-tasklist");
				colleague.completeTask();
			}
			StaffApi.awaitJobs(managementService, instance);

			reception.go("/release-passes/" + passNumber);
			signature = reception.find(By.cssSelector(".signature .code")).getText();
			assertThat(reception.text()).contains("已签发", "打印放行条", "审核放行申请");
			reception.screenshot("release-04-reception-prints-the-pass");
		}
		try (Browser guard = Browser.open(port, 390).login("guard")) {
			guard.go("/gate");
			guard.find(By.cssSelector("select[name=gate] option[value='东门']")).click();
			guard.find(By.name("passNumber")).sendKeys(passNumber);
			guard.find(By.name("signature")).sendKeys(signature);
			guard.screenshot("release-05-guard-types-the-pass-on-a-phone");
			guard.click(By.cssSelector("form.scan button[type=submit]"));
			guard.find(By.cssSelector(".gate-pass"));
			assertThat(guard.text()).contains(passNumber, "旧冰箱 ×1", "纸箱 ×6", (String) owner.get("number"))
				.doesNotContain("13912345678", (String) owner.get("name"));
			guard.driver().findElements(By.cssSelector("input.item-check")).forEach(box -> box.click());
			guard.screenshot("release-06-guard-checks-the-items");
			guard.click(By.cssSelector("button.release"));
			assertThat(guard.find(By.cssSelector(".verdict.ok")).getText()).contains("已放行");
			guard.screenshot("release-07-guard-releases");

			guard.find(By.name("passNumber")).sendKeys(passNumber);
			guard.find(By.name("signature")).sendKeys(signature);
			guard.click(By.cssSelector("form.scan button[type=submit]"));
			assertThat(guard.find(By.cssSelector(".verdict.refused")).getText()).contains("放行条已使用过");
			guard.screenshot("release-08-a-second-scan-is-refused");
		}
		try (Browser manager = Browser.open(port, 1400).login("manager")) {
			manager.go("/release-passes/report");
			assertThat(manager.text()).contains("放行统计", "东门");
			manager.screenshot("release-09-manager-reads-the-report");
		}
	}

}
