package cn.tianxiacheng.servicecenter.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.BrowserTestSupport;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The cashier's counter in a real browser, with screenshots under {@code target/screenshots/}: a
 * unit found by its owner's name, its account with owners and area, a billing run previewed and
 * confirmed, the center's daily report, 收缴率 and arrears by building, a building's 催缴单.
 */
@IntegrationTest
class CashierDeskBrowserIntegrationTests extends BrowserTestSupport {

	/** Words that are not for staff: login ids, codes, ISO timestamps. */
	private static final String[] NOT_SHOWN = { "cashier", "manager", "BILLING", "MONTHLY", "CASH", "null" };

	@Autowired
	BillWriter billWriter;

	@Autowired
	FeeItemRepository items;

	@Test
	void shouldFindAUnitByNameShowItsAccountAndBillAMonthAfterItsPreview() {
		Map<String, Set<Long>> unitsBySurname = new TreeMap<>();
		jdbc.query("select o.name, o.unit_id from owner o join unit u on u.id = o.unit_id where u.building_id in "
				+ TIANXIACHENG_BUILDINGS, rs -> {
			unitsBySurname.computeIfAbsent(rs.getString(1).substring(0, 1), s -> new HashSet<>()).add(rs.getLong(2));
		});
		String surname = unitsBySurname.entrySet().stream().filter(e -> e.getValue().size() >= 2).findFirst().orElseThrow()
			.getKey();
		try (Browser cashier = Browser.open(port, 1440).login("cashier")) {
			cashier.menu("收费", "收费台");
			cashier.type(By.name("number"), surname);
			cashier.click(By.cssSelector("form.search button[type=submit]"));
			assertThat(cashier.find(By.cssSelector("table.matches")).getText()).contains(surname, "查看账户");
			cashier.screenshot("cashier-desk-01-owners-named-to-pick-from");
			cashier.click(By.linkText("查看账户"));
			assertThat(cashier.find(By.cssSelector("dd.owners")).getText()).contains(surname);
			assertThat(cashier.find(By.cssSelector("dd.area")).getText()).endsWith("m²");
			cashier.screenshot("cashier-desk-02-account-with-owners-and-area");

			cashier.go("/cashier");
			new Select(cashier.find(By.name("kind"))).selectByValue("MONTHLY");
			cashier.type(By.name("period"), "2036-02");
			cashier.click(By.xpath("//button[normalize-space(.)='预览']"));
			assertThat(cashier.find(By.cssSelector("table.preview")).getText()).contains("物业管理费", "合计");
			assertThat(jdbc.queryForObject("select count(*) from bill where period = '2036-02'", Integer.class))
				.as("nothing billed before it is confirmed").isZero();
			assertNothingForeign(cashier);
			cashier.screenshot("cashier-desk-03-billing-preview-to-confirm");
			cashier.click(By.xpath("//button[normalize-space(.)='确认生成']"));
			assertThat(cashier.find(By.cssSelector("p.notice")).getText()).contains("已开始生成 2036年2月 月度账单");
			assertNothingForeign(cashier);
			cashier.screenshot("cashier-desk-04-billing-confirmed");
		}
		try (Browser cashier = Browser.open(port, 390).login("cashier")) {
			cashier.go("/cashier?number=" + URLEncoder.encode(surname, StandardCharsets.UTF_8));
			cashier.find(By.cssSelector("table.matches"));
			cashier.screenshot("cashier-desk-05-owners-named-on-a-phone");
		}
	}

	@Test
	void shouldShowTheManagerTheCentersDayAndTheCollectionByBuildingAndPrintNotices() {
		long unitId = jdbc.queryForList("""
				select u.id from unit u join building b on b.id = u.building_id
				 where b.number = 3 and u.status = 'OCCUPIED'
				   and not exists (select 1 from bill where unit_id = u.id and due_date < ?)
				 order by u.id""", Long.class, Date.valueOf(LocalDate.now(clock))).get(0);
		FeeItem management = items.findAll().stream().filter(i -> i.getCode().equals(BillingRuns.MANAGEMENT_FEE))
			.findFirst().orElseThrow();
		String period = "T-" + UUID.randomUUID().toString().substring(0, 8);
		billWriter.insert(List.of(new NewBill(unitId, management.getId(), period, "", null, null, new BigDecimal("245.30"),
				LocalDate.now(clock).minusDays(12), "物业管理费 " + period)), clock.instant(), "test");

		try (Browser manager = Browser.open(port, 1440).login("manager")) {
			manager.menu("收费", "全中心收款日报");
			assertThat(manager.find(By.cssSelector("table.center-totals")).getText()).contains("现金", "合计", "应交");
			assertNothingForeign(manager);
			manager.screenshot("cashier-desk-06-center-daily-report");
			manager.menu("收费", "收缴率与欠费");
			assertThat(manager.find(By.cssSelector("table.collection")).getText()).contains("3号楼", "收缴率", "%");
			assertNothingForeign(manager);
			manager.screenshot("cashier-desk-07-collection-rate-and-arrears-by-building");
			manager.click(By.cssSelector("tr[data-building='3'] a"));
			assertThat(manager.find(By.cssSelector("main")).getText()).contains("催缴通知单", "245.30", "应缴金额大写");
			assertNothingForeign(manager);
			manager.screenshot("cashier-desk-08-dunning-notices-of-building-3");
		}
	}

	private static void assertNothingForeign(Browser browser) {
		assertThat(browser.find(By.cssSelector("main")).getText()).doesNotContain(NOT_SHOWN)
			.doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:");
	}

}
