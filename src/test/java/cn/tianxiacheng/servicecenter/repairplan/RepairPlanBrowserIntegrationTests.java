package cn.tianxiacheng.servicecenter.repairplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.BrowserTestSupport;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.StaffApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * 大、中修计划 in a real browser, with screenshots under {@code target/screenshots/}: the director
 * drafts a medium repair plan on its form; once approved, engineering records the works' progress
 * on the plan's page; the year's plans show its state.
 */
@IntegrationTest
class RepairPlanBrowserIntegrationTests extends BrowserTestSupport {

	@Test
	void shouldDraftAPlanAndRecordTheWorksProgress() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		String number;
		try (Browser director = Browser.open(port, 1400).login("director")) {
			director.go("/repair-plans/new");
			director.click(By.cssSelector("input[name=scale][value=MEDIUM]"));
			director.find(By.name("item")).sendKeys("3号楼屋面防水翻修");
			director.find(By.name("facility")).sendKeys("3号楼屋面");
			director.find(By.name("reason")).sendKeys("顶层三户反映雨季渗漏，防水层老化开裂");
			director.find(By.name("constructionPlan")).sendKeys("铲除旧防水层，铺设 SBS 卷材两道，闭水试验 48 小时");
			director.find(By.name("budget")).sendKeys("38600.00");
			director.setValue(By.name("plannedStart"), today.toString());
			director.setValue(By.name("plannedEnd"), today.plusDays(20).toString());
			director.screenshot("repair-plans-01-director-drafts-a-plan");
			director.click(By.cssSelector("form.stacked button[type=submit]"));
			assertThat(director.find(By.cssSelector("p.notice")).getText()).contains("计划已提交");
			number = director.find(By.cssSelector("h1 span:nth-of-type(2)")).getText();
			assertThat(number).matches("TXC-WXJH-\\d{4}-\\d{3}");
		}
		String instance = jdbc.queryForObject("select process_instance_id from repair_plan where plan_number = ?",
				String.class, number);
		StaffApi.work(rest, "manager", taskService.createTaskQuery().processInstanceId(instance).singleResult().getId(),
				StaffApi.vars("planApproved", true, "opinion", "同意，预算在限额内"));
		StaffApi.awaitJobs(managementService, instance);
		try (Browser engineer = Browser.open(port, 1400).login("engineer")) {
			engineer.go("/repair-plans/" + number);
			engineer.retype(By.name("percent"), "50");
			engineer.find(By.name("note")).sendKeys("旧防水层已铲除，基层找平完成");
			engineer.click(By.cssSelector("form.stacked button[type=submit]"));
			assertThat(engineer.find(By.cssSelector("p.notice")).getText()).contains("施工进度已登记");
			assertThat(engineer.text()).contains("50%", "旧防水层已铲除，基层找平完成", "施工中");
			engineer.screenshot("repair-plans-02-engineering-records-progress");
			engineer.go("/repair-plans?year=" + today.getYear());
			assertThat(engineer.text()).contains(number, "3号楼屋面防水翻修", "38600.00", "施工中");
			engineer.screenshot("repair-plans-03-the-years-plans");
		}
	}

}
