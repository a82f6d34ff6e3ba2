package cn.tianxiacheng.servicecenter.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.BrowserTestSupport;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.StaffApi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.http.HttpMethod;

/**
 * The auditor searches, opens a finished case and sees its path highlighted on the diagram and
 * its timeline; the manager opens the dashboard and follows a number to the cases behind it.
 */
@IntegrationTest
class OversightBrowserIntegrationTests extends BrowserTestSupport {

	@Test
	void shouldLetTheAuditorReadAFinishedCaseAndTheManagerFollowANumber() {
		Map<String, Object> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"COMPLAINT\",\"unitNumber\":\"1-2-1201\","
						+ "\"contactName\":\"贺女士\",\"channel\":\"VISIT\",\"category\":\"环境卫生\",\"urgency\":\"URGENT\","
						+ "\"description\":\"电梯厅有积水\"}").getBody();
		String caseNumber = (String) registered.get("caseNumber");
		StaffApi.awaitJobs(managementService, (String) registered.get("processInstanceId"));
		StaffApi.work(rest, "receptionist", taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
			.singleResult().getId(), StaffApi.vars("decision", "RESOLVED", "opinion", "已通知保洁清理"));

		try (Browser auditor = Browser.open(port, 1400).login("auditor")) {
			auditor.menu("管理 / 审计", "案件审计");
			auditor.type(By.name("unit"), "1-2-1201");
			auditor.find(By.cssSelector("select[name=state] option[value=COMPLETED]")).click();
			auditor.click(By.cssSelector("form.search button[type=submit]:not([name])"));
			auditor.screenshot("30-auditor-searches");
			auditor.click(By.linkText(caseNumber));
			auditor.waitFor(By.cssSelector(".diagram svg"));
			assertThat(auditor.driver().findElements(By.cssSelector(".diagram g.passed"))).hasSizeGreaterThan(3);
			assertThat(auditor.text()).contains("完整经过", "首次响应", "王丽", "已通知保洁清理", "规则判定", "已结束")
				.doesNotContain("冲正", "删除");
			auditor.screenshot("31-auditor-reads-the-story");
		}
		try (Browser manager = Browser.open(port, 1400).login("manager")) {
			manager.menu("管理 / 审计", "运营看板");
			manager.waitFor(By.cssSelector("#trend canvas"));
			manager.screenshot("32-manager-dashboard");
			manager.click(By.xpath("//a[contains(@class,'count')][contains(., '办理中的案件')]"));
			assertThat(manager.text()).contains("案件审计", "办理中");
			manager.screenshot("33-manager-follows-a-number");
			manager.go("/dashboard");
			manager.click(By.xpath("//a[contains(@class,'count')][contains(., '已逾期的任务')]"));
			assertThat(manager.text()).contains("已逾期的任务", "共", "返回运营看板");
			manager.screenshot("36-manager-follows-a-task-count");
		}
	}

	@Test
	void shouldShowNoControlOfChangeToTheAuditorInCockpitOrTasklist() {
		Map<String, Object> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"COMPLAINT\",\"unitNumber\":\"1-2-1202\","
						+ "\"contactName\":\"贺女士\",\"channel\":\"VISIT\",\"category\":\"环境卫生\",\"urgency\":\"NORMAL\","
						+ "\"description\":\"走廊灯不亮\"}").getBody();
		String caseNumber = (String) registered.get("caseNumber");
		By cancelInstance = By.cssSelector("a.btn-toolbar[ng-click='openDialog()']");
		By editVariable = By.cssSelector("[ng-click^='enableEditMode']");
		String instancePage = "/camunda/app/cockpit/default/#/process-instance/" + registered.get("processInstanceId")
				+ "/runtime";

		try (Browser admin = Browser.open(port, 1400).login("admin")) {
			admin.go(instancePage);
			admin.waitFor(editVariable);
			assertThat(admin.driver().findElements(cancelInstance)).as("the admin keeps them").isNotEmpty();
		}
		try (Browser auditor = Browser.open(port, 1400).login("auditor")) {
			auditor.go(instancePage);
			auditor.waitForText(By.tagName("body"), caseNumber);
			auditor.waitFor(By.cssSelector("body.cam-read-only"));
			assertThat(auditor.driver().findElements(editVariable)).allMatch(button -> !button.isDisplayed());
			assertThat(auditor.driver().findElements(cancelInstance)).allMatch(button -> !button.isDisplayed());
			auditor.screenshot("34-auditor-cockpit-without-controls");

			auditor.taskCard(filterService, "全部待办", caseNumber);
			auditor.click(By.xpath("//li[contains(@class,'task')][contains(., '" + caseNumber + "')]//a"));
			auditor.waitForText(By.tagName("body"), "首次响应");
			auditor.waitFor(By.cssSelector("body.cam-read-only"));
			assertThat(auditor.driver().findElements(By.cssSelector("button.claim")))
				.allMatch(button -> !button.isDisplayed());
			auditor.screenshot("35-auditor-tasklist-without-claim");
		}
	}

}
