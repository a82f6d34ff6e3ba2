package cn.tianxiacheng.servicecenter.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.BrowserTestSupport;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.StaffApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.http.HttpMethod;

/**
 * Tasklist and 工作台 are one place of work: each count of 工作台 opens the Tasklist filter that
 * lists the same tasks, and Tasklist's header leads back to 工作台.
 */
@IntegrationTest
class WorkDayBrowserIntegrationTests extends BrowserTestSupport {

	@Test
	void shouldOpenTheQueueBehindACountAndComeBack() {
		StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases", "{\"requestId\":\"" + UUID.randomUUID()
				+ "\",\"type\":\"COMPLAINT\",\"unitNumber\":\"2-1-301\",\"contactName\":\"蒋先生\",\"channel\":\"PHONE\","
				+ "\"category\":\"服务态度\",\"urgency\":\"NORMAL\",\"description\":\"工作台与任务列表\"}");
		String queue = filterService.createFilterQuery().filterName("待领取 · 接待员").singleResult().getId();
		// 天下城's queue: its own tasks and those of no estate
		long waiting = taskService.createTaskQuery().taskCandidateGroup("reception").taskUnassigned().tenantIdIn("TXC").count()
				+ taskService.createTaskQuery().taskCandidateGroup("reception").taskUnassigned().withoutTenantId().count();

		try (Browser receptionist = Browser.open(port, 1400).login("receptionist")) {
			By queueCount = By.xpath("//a[contains(@class,'count')][contains(., '本岗位待领取')]");
			assertThat(receptionist.find(queueCount).getText()).startsWith(String.valueOf(waiting));
			receptionist.click(queueCount);
			assertThat(receptionist.driver().getCurrentUrl()).contains("filter=" + queue);
			receptionist.waitFor(By.cssSelector("li.task"));
			receptionist.screenshot("workday-01-queue-from-a-count");

			receptionist.click(By.cssSelector("#work-day-home a"));
			receptionist.waitFor(By.cssSelector("main h1"));
			assertThat(receptionist.text()).contains("工作台", "本岗位待领取");
		}
	}

}
