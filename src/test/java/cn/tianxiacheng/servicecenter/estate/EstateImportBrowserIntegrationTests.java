package cn.tianxiacheng.servicecenter.estate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.BrowserTestSupport;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.WebSession.FilePart;
import cn.tianxiacheng.servicecenter.Workbooks;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * 小区与房屋 in a real browser, with screenshots under {@code target/screenshots/}: the administrator
 * finds the page in the menu, uploads a file with a bad line, reads which line and column, uploads
 * the corrected file and sees the estate and the import's record; then brings the estate's owners the
 * same way, and sets its gates, time zone and hours; the same at a phone's width. Another estate brings its
 * opening balances from an Excel workbook, and the cashier finds them on a unit's account.
 */
@IntegrationTest
class EstateImportBrowserIntegrationTests extends BrowserTestSupport {

	@Test
	void shouldShowTheBadLineThenImportTheCorrectedFile() throws IOException {
		List<String> lines = EstateImportIntegrationTests.units(9001, 2, 2, 3);
		List<String> bad = new ArrayList<>(lines);
		bad.set(2, bad.get(2).replace(",住宅", ",别墅"));
		try (Browser admin = Browser.open(port, 1400).login("admin")) {
			admin.menu("管理", "小区与房屋");
			assertThat(admin.text()).contains("天下城", "TXC", "北京时间", String.valueOf(jdbc.queryForObject(
					"select count(*) from unit u join building b on b.id = u.building_id join estate e on e.id = b.estate_id"
							+ " where e.code = 'TXC'", Integer.class)));
			fill(admin, "天下城南苑", "txcn", file("南苑楼栋房屋-有误", bad));
			admin.screenshot("estates-01-admin-fills-the-form");
			admin.click(By.cssSelector("form.stacked button[type=submit]"));

			String problems = admin.find(By.cssSelector("p.error")).getText();
			assertThat(problems).contains("未导入任何内容", "第 4 行，类型：“别墅”应为 住宅、复式住宅、商铺 之一");
			assertThat(admin.find(By.name("name")).getDomProperty("value")).as("what was typed stays").isEqualTo("天下城南苑");
			admin.screenshot("estates-02-the-bad-line-is-named-and-nothing-imported");

			admin.find(By.name("file")).sendKeys(file("南苑楼栋房屋", lines).toString());
			admin.click(By.cssSelector("form.stacked button[type=submit]"));

			assertThat(admin.find(By.cssSelector("p.notice")).getText())
				.isEqualTo("已添加小区“天下城南苑”（TXCN）：2 栋楼、" + lines.size() + " 套房屋。");
			assertThat(admin.text()).contains("南苑楼栋房屋.csv", "系统管理员", "天下城路 9 号").doesNotContain("admin");
			admin.screenshot("estates-03-the-estate-and-the-import-record");

			By gates = By.cssSelector("input[aria-label='天下城南苑的大门']");
			assertThat(admin.find(gates).getDomProperty("placeholder")).isEqualTo("公司统一的大门");
			admin.type(gates, "南门、地库口");
			admin.click(By.xpath("//input[@aria-label='天下城南苑的大门']/following-sibling::button"));
			assertThat(admin.find(gates).getDomProperty("value")).isEqualTo("南门、地库口");
			admin.screenshot("estates-13-the-estate-has-its-own-gates", gates);

			admin.find(By.xpath("//select[@aria-label='天下城南苑的时区']/option[.='香港时间']")).click();
			By works = By.cssSelector("input[aria-label='天下城南苑的装修施工时间']");
			assertThat(admin.find(works).getDomProperty("value")).isEqualTo("08:00-12:00、14:00-18:00");
			admin.retype(works, "8:00-12:00，14:30-19:00");
			admin.click(By.xpath("//input[@aria-label='天下城南苑的装修施工时间']/following-sibling::button"));
			assertThat(admin.find(works).getDomProperty("value")).isEqualTo("08:00-12:00、14:30-19:00");
			assertThat(admin.find(By.cssSelector("select[aria-label='天下城南苑的时区']")).getDomProperty("value"))
				.isEqualTo("Asia/Hong_Kong");
			admin.screenshot("estates-14-the-estate-keeps-its-own-time-zone-and-hours", works);

			List<String> owners = List.of("9001-1-101,南苑业主甲," + HouseholdImportIntegrationTests.idNumber() + ","
					+ HouseholdImportIntegrationTests.phone() + ",,2020-06-01", "9001-1-201,南苑业主乙,"
							+ HouseholdImportIntegrationTests.idNumber() + ",1380000,,");
			bringIn(admin, owners("南苑业主-有误", owners));
			admin.screenshot("estates-05-admin-imports-the-owners");
			admin.click(By.cssSelector("form.households button[type=submit]"));

			assertThat(admin.find(By.cssSelector("p.error")).getText()).contains("未导入任何内容", "第 3 行，手机号：不是有效的电话号码");
			admin.screenshot("estates-06-the-bad-owner-line-is-named");

			bringIn(admin, owners("南苑业主", List.of(owners.get(0),
					owners.get(1).replace(",1380000,", "," + HouseholdImportIntegrationTests.phone() + ","))));
			admin.click(By.cssSelector("form.households button[type=submit]"));

			assertThat(admin.find(By.cssSelector("p.notice")).getText()).isEqualTo("已向小区“天下城南苑”导入业主 2 条。");
			assertThat(admin.text()).contains("南苑业主.csv");
			admin.screenshot("estates-07-the-owners-imported-and-recorded");
		}
		try (Browser phone = Browser.open(port, 390).login("admin")) {
			phone.go("/estates");
			phone.waitFor(By.cssSelector("form.stacked"));
			Object overflow = phone.driver()
				.executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
			assertThat(overflow).as("the page fits the phone; wide tables scroll by themselves").isEqualTo(false);
			phone.screenshot("estates-04-at-phone-width");
			phone.driver().executeScript("document.querySelector('form.households').scrollIntoView()");
			phone.screenshot("estates-08-the-households-form-at-phone-width");
		}
	}

	@Test
	void shouldImportOpeningBalancesFromAWorkbookAndShowThemOnTheUnitsAccount() throws IOException {
		WebSession session = WebSession.loggedIn(port, "admin");
		assertThat(session.submitMultipart("/", "/estates",
				Map.of("requestId", UUID.randomUUID().toString(), "name", "天下城东苑", "code", "TXCE", "address", "天下城路 11 号"),
				List.of(new FilePart("file", "东苑楼栋房屋.csv", "text/csv",
						EstateImportIntegrationTests.csv(EstateImportIntegrationTests.units(9501, 1, 1, 2), true))))
			.statusCode()).isEqualTo(302);
		jdbc.update("""
				insert into fee_item (estate_id, code, name, kind, income)
				select id, 'TXCE_WY', '物业服务费', 'AREA_MONTHLY', true from estate where code = 'TXCE'""");
		LocalDate asOf = LocalDate.now(clock).minusDays(7);
		YearMonth month = YearMonth.from(asOf).minusMonths(1);
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of("房号", "收费项目", "账期", "欠费金额", "预存金额"));
		rows.add(Arrays.asList("9501-1-101", "物业服务费", month.minusMonths(1), 268.5, null));
		rows.add(Arrays.asList("9501-1-101", "物业服务费", month, 268.505, null));
		rows.add(Arrays.asList("9501-1-201", null, null, null, 500));
		try (Browser admin = Browser.open(port, 1400).login("admin")) {
			admin.go("/estates");
			balances(admin, asOf, workbook("东苑期初余额-有误", rows));
			admin.screenshot("estates-09-admin-imports-opening-balances");
			admin.click(By.cssSelector("form.balances button[type=submit]"));

			assertThat(admin.find(By.cssSelector("p.error")).getText()).contains("未导入任何内容",
					"第 3 行，欠费金额：“268.505”超过两位小数");
			admin.screenshot("estates-10-the-bad-balance-line-is-named");

			rows.set(2, Arrays.asList("9501-1-101", "物业服务费", month, 268.5, null));
			balances(admin, asOf, workbook("东苑期初余额", rows));
			admin.click(By.cssSelector("form.balances button[type=submit]"));

			assertThat(admin.find(By.cssSelector("p.notice")).getText()).isEqualTo("已向小区“天下城东苑”导入期初余额 3 条。");
			assertThat(admin.text()).contains("东苑期初余额.xlsx", "期初余额");
			admin.screenshot("estates-11-the-opening-balances-imported-and-recorded");
		}
		long unit = jdbc.queryForObject("select unit_id from unit_address where unit_number = '9501-1-101'", Long.class);
		// a cashier of the new estate: 天下城's do not see its units
		User eastCashier = identityService.newUser("txcecashier");
		eastCashier.setFirstName("东苑");
		eastCashier.setLastName("收费员");
		eastCashier.setPassword("demo");
		identityService.saveUser(eastCashier);
		identityService.createMembership("txcecashier", "cashier");
		identityService.createTenantUserMembership("TXCE", "txcecashier");
		try (Browser cashier = Browser.open(port, 1400).login("txcecashier")) {
			cashier.go("/cashier/units/" + unit);
			assertThat(cashier.text()).contains("期初欠费", "537.00");
			cashier.screenshot("estates-12-the-opening-arrears-on-the-units-account");
		}
	}

	private static void balances(Browser admin, LocalDate asOf, Path file) {
		admin.find(By.cssSelector("form.balances select[name=estate] option[value=TXCE]")).click();
		admin.setValue(By.cssSelector("form.balances input[name=asOf]"), asOf.toString());
		admin.find(By.cssSelector("form.balances input[name=file]")).sendKeys(file.toString());
	}

	private static Path workbook(String name, List<List<Object>> rows) throws IOException {
		Path file = Files.createTempDirectory("balances").resolve(name + ".xlsx");
		Files.write(file, Workbooks.xlsx(rows));
		return file;
	}

	private static void fill(Browser admin, String name, String code, Path file) {
		admin.find(By.name("name")).sendKeys(name);
		admin.find(By.name("code")).sendKeys(code);
		admin.find(By.name("address")).sendKeys("天下城路 9 号");
		admin.find(By.name("file")).sendKeys(file.toString());
	}

	private static void bringIn(Browser admin, Path file) {
		admin.find(By.cssSelector("form.households select[name=estate] option[value=TXCN]")).click();
		admin.find(By.cssSelector("form.households select[name=kind] option[value=OWNER]")).click();
		admin.find(By.cssSelector("form.households input[name=file]")).sendKeys(file.toString());
	}

	private static Path owners(String name, List<String> lines) throws IOException {
		Path file = Files.createTempDirectory("households").resolve(name + ".csv");
		Files.write(file, HouseholdImportIntegrationTests.csv("房号,姓名,身份证号,手机号,备用电话,入住日期", lines));
		return file;
	}

	private static Path file(String name, List<String> lines) throws IOException {
		Path file = Files.createTempDirectory("estate").resolve(name + ".csv");
		Files.write(file, EstateImportIntegrationTests.csv(lines, true));
		return file;
	}

}
