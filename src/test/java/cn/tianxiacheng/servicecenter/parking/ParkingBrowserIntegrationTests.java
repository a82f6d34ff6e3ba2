package cn.tianxiacheng.servicecenter.parking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.BrowserTestSupport;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.estate.Households;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Parking leases in a real browser, with screenshots under {@code target/screenshots/}: reception
 * puts an owner on the waiting list, leases a vacant space from the spaces page, and once the
 * rent is paid renews the lease on its page; the manager reads the spaces by status.
 */
@IntegrationTest
class ParkingBrowserIntegrationTests extends BrowserTestSupport {

	@Autowired
	Households households;

	@Test
	void shouldLeaseAndRenewASpaceFromThePages() {
		Map<String, Object> owner = jdbc.queryForMap("""
				select u.id, u.number, o.name, v.plate_number from vehicle v join unit u on u.id = v.unit_id
				  join owner o on o.unit_id = u.id
				 where v.id = (select min(v2.id) + 7 from vehicle v2) and u.building_id in %s
				   and o.id = (select min(o2.id) from owner o2 where o2.unit_id = u.id)""".formatted(TIANXIACHENG_BUILDINGS));
		String space = jdbc.queryForObject("""
				select max(s.number) from parking_space s where s.status = 'VACANT' and s.number like 'B1-%%'
				   and not exists (select 1 from parking_lease l where l.space_id = s.id) and s.estate_id = %s"""
			.formatted(TIANXIACHENG), String.class);
		try (Browser reception = Browser.open(port, 1400).login("receptionist")) {
			reception.go("/parking/waitlist");
			reception.find(By.name("unitNumber")).sendKeys((String) owner.get("number"));
			reception.find(By.name("applicantName")).sendKeys((String) owner.get("name"));
			reception.find(By.name("applicantPhone")).sendKeys("13612345678");
			reception.click(By.cssSelector("form.stacked button[type=submit]"));
			assertThat(reception.find(By.cssSelector("p.notice")).getText()).contains("已登记候补");
			reception.screenshot("parking-01-reception-keeps-the-waiting-list");

			reception.go("/parking?status=VACANT");
			reception.click(By.xpath("//tr[td[text()='" + space + "']]//a[text()='出租']"));
			reception.find(By.name("unitNumber")).sendKeys((String) owner.get("number"));
			reception.find(By.name("lesseeName")).sendKeys((String) owner.get("name"));
			reception.find(By.name("lesseePhone")).sendKeys("13812345678");
			reception.find(By.name("plates")).sendKeys((String) owner.get("plate_number"));
			reception.retype(By.name("months"), "6");
			reception.screenshot("parking-02-reception-fills-the-application");
			reception.click(By.cssSelector("form.stacked button[type=submit]"));
			String leaseNumber = reception.find(By.cssSelector("h1 span")).getText();
			assertThat(leaseNumber).matches("TXC-CW-\\d{8}-\\d{4}");
			assertThat(reception.text()).contains("待核对", space, "300.00 元");

			String instance = jdbc.queryForObject("select process_instance_id from parking_lease where lease_number = ?",
					String.class, leaseNumber);
			StaffApi.awaitJobs(managementService, instance);
			StaffApi.work(rest, "receptionist", taskService.createTaskQuery().processInstanceId(instance).singleResult()
				.getId(), StaffApi.vars("checkResult", "APPROVE", "opinion", "行驶证与本户登记一致"));
			StaffApi.awaitJobs(managementService, instance);
			List<Long> bills = jdbc.queryForList("select id from bill where period = ?", Long.class, leaseNumber);
			BigDecimal rent = jdbc.queryForObject("select sum(amount) from bill where period = ?", BigDecimal.class,
					leaseNumber);
			StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/payments", "{\"idempotencyKey\":\"" + UUID.randomUUID()
					+ "\",\"unitId\":" + owner.get("id") + ",\"amount\":" + rent + ",\"method\":\"CASH\",\"billIds\":" + bills + "}");
			long deadline = System.currentTimeMillis() + 20_000;
			while (!"ACTIVE".equals(status(leaseNumber)) && System.currentTimeMillis() < deadline) {
				StaffApi.awaitJobs(managementService, instance);
				pause();
			}
			assertThat(status(leaseNumber)).as("the paid lease takes effect").isEqualTo("ACTIVE");
			reception.go("/parking/leases/" + leaseNumber);
			reception.waitFor(By.xpath("//h2[text()='续租']"));
			reception.retype(By.name("months"), "3");
			reception.click(By.xpath("//form[h2[text()='续租']]//button"));
			assertThat(reception.find(By.cssSelector("p.notice")).getText()).contains("已续租 3 个月");
			assertThat(reception.text()).contains("租赁中", "（9 个月）", "续租 3 个月");
			reception.screenshot("parking-03-reception-renews-the-lease");

			// the unit is sold: the new household moves in, the space stays with the lease
			households.moveIn(((Number) owner.get("id")).longValue(), LocalDate.now(),
					List.of(new Households.NewOwner("新业主", "11010519491231002X", "13900001111")), List.of(), List.of());
			WebElement card = reception.taskCard(filterService, "待领取 · 接待员", leaseNumber);
			assertThat(card.getText()).contains("与原承租人核实租赁");
			card.findElement(By.cssSelector("a")).click();
			reception.click(By.cssSelector("button.claim"));
			reception.waitForText(By.tagName("body"), "住户已变更");
			assertThat(reception.text()).as("the form's recent steps are the lease's last three")
				.contains("续租 3 个月", "办理入住（住户变更）");
			reception.type(By.cssSelector("[id$=Field_opinion]"), "已联系原承租人，继续租用至期满");
			reception.screenshot("parking-04-reception-settles-the-lease-after-a-move-in");
			reception.completeTask();
			reception.go("/parking/leases/" + leaseNumber);
			assertThat(reception.text()).contains("租赁中", "办理入住", "与原承租人核实租赁", "继续租用至期满");
		}
		try (Browser manager = Browser.open(port, 1400).login("manager")) {
			manager.go("/parking?status=LEASED");
			assertThat(manager.text()).contains("车位", "已出租", space);
			manager.screenshot("parking-05-manager-sees-the-leased-spaces");
		}
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private String status(String leaseNumber) {
		return jdbc.queryForObject("select status from parking_lease where lease_number = ?", String.class, leaseNumber);
	}

}
