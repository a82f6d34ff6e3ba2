package cn.tianxiacheng.servicecenter.estate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.BrowserTestSupport;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * 小区与房屋 in a real browser, with screenshots under {@code target/screenshots/}: the administrator
 * finds the page in the menu, uploads a file with a bad line, reads which line and column, uploads
 * the corrected file and sees the estate and the import's record; then brings the estate's owners the
 * same way; the same at a phone's width.
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
