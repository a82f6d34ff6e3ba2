package cn.tianxiacheng.servicecenter.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.TestDatabase;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.CurrentSteps;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;

/**
 * Where is my case: the case page shows each open step, who holds it and by when; the manager
 * hands a step nobody claimed to a named colleague, and the one who loses it is told on 工作台.
 */
@IntegrationTest
class HandOnBrowserIntegrationTests extends IntegrationTestSupport {

	@Autowired
	CurrentSteps currentSteps;

	@Test
	void shouldHandOnlyToAColleagueOfTheTasksGroupAndOnlyAsTheManager() {
		String caseNumber = register("3-1-902");
		String taskId = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
		CurrentSteps.Step step = currentSteps.of(caseNumber).get(0);
		assertThat(step.holder()).isEqualTo("接待员待领取");
		assertThat(step.due()).isNotNull();

		assertThatThrownBy(() -> as("receptionist", "reception", () -> currentSteps.handOn(taskId, "receptionist2")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as("manager", "manager", () -> currentSteps.handOn(taskId, "engineer")))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("所属岗位");
		assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();

		as("manager", "manager", () -> currentSteps.handOn(taskId, "receptionist2"));
		assertThat(currentSteps.of(caseNumber).get(0).holder()).isEqualTo("李娜（接待员）");
	}

	@Test
	void shouldLetTheManagerHandOnFromTheCasePageAndTellTheFormerHolder() {
		assumeTrue(TestDatabase.KIND.equals("h2"), "the pages are the same on PostgreSQL");
		String caseNumber = register("3-1-903");
		try (Browser manager = Browser.open(port, 1400).login("manager")) {
			manager.go("/cases/" + caseNumber);
			assertThat(manager.find(By.cssSelector(".current-steps")).getText()).contains("首次响应", "接待员待领取");
			new Select(manager.find(By.cssSelector(".current-steps select[name=to]"))).selectByVisibleText("李娜");
			manager.click(By.cssSelector(".current-steps button[type=submit]"));
			manager.waitForText(By.cssSelector(".current-steps"), "李娜（接待员）");
			manager.screenshot("handon-01-manager-hands-a-step-to-a-colleague");

			new Select(manager.find(By.cssSelector(".current-steps select[name=to]"))).selectByVisibleText("王丽");
			manager.click(By.cssSelector(".current-steps button[type=submit]"));
			manager.waitForText(By.cssSelector(".current-steps"), "王丽（接待员）");
		}
		try (Browser former = Browser.open(port, 1400).login("receptionist2")) {
			assertThat(former.find(By.cssSelector("section.moved")).getText()).contains(caseNumber, "首次响应",
					"已转交给王丽");
			former.screenshot("handon-02-former-holder-is-told");
		}
	}

	@Test
	void shouldListWhereEachCaseStandsWithItsHolderAndDeadline() {
		assumeTrue(TestDatabase.KIND.equals("h2"), "the pages are the same on PostgreSQL");
		String caseNumber = register("3-1-904");
		try (Browser reception = Browser.open(port, 1400).login("receptionist")) {
			reception.go("/cases?unit=3-1-904");
			String row = reception.find(By.xpath("//tr[contains(., '" + caseNumber + "')]")).getText();
			assertThat(row).contains("首次响应", "接待员待领取");
			assertThat(row).containsPattern("\\d{2}-\\d{2} \\d{2}:\\d{2}");
			reception.screenshot("handon-03-case-list-shows-where-each-case-stands");
		}
	}

	private String register(String unitNumber) {
		Map<String, Object> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"COMPLAINT\",\"unitNumber\":\"" + unitNumber
						+ "\",\"contactName\":\"卫女士\",\"channel\":\"PHONE\",\"category\":\"服务态度\","
						+ "\"urgency\":\"NORMAL\",\"description\":\"转交\"}")
			.getBody();
		return (String) registered.get("caseNumber");
	}

	private void as(String user, String group, Runnable call) {
		identityService.setAuthentication(user, java.util.List.of(group), java.util.List.of("TXC"));
		try {
			call.run();
		}
		finally {
			identityService.clearAuthentication();
		}
	}

}
