package cn.tianxiacheng.servicecenter.casework;

import static cn.tianxiacheng.servicecenter.StaffApi.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.HttpMethod;

/** The engineering lead dispatches a repair to an engineer by name; the engineer checks in from a phone. */
@IntegrationTest
class DispatchBrowserIntegrationTests extends IntegrationTestSupport {

	@Test
	void shouldDispatchARepairByNameAndCheckInFromAPhone() {
		assumeTrue(TestDatabase.KIND.equals("h2"), "the pages are the same on PostgreSQL");
		String caseNumber = registerRepair("2-2-2301");
		for (int width : new int[] { 1440, 390 }) {
			try (Browser lead = Browser.open(port, width).login("foreman")) {
				lead.go("/cases/" + caseNumber);
				String engineer = width == 1440 ? "钱伟" : "赵磊";
				new Select(lead.find(By.cssSelector(".current-steps select[name=to]"))).selectByVisibleText(engineer);
				lead.screenshot("dispatch-01-lead-chooses-an-engineer-" + width);
				lead.click(By.cssSelector(".current-steps button[type=submit]"));
				lead.waitForText(By.cssSelector(".current-steps"), engineer + "（工程部）");
				lead.screenshot("dispatch-02-dispatched-" + width);
			}
		}
		String appointment = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
		StaffApi.work(rest, "engineer", appointment, vars("appointmentAt", "2030-01-01T10:00", "opinion", "约好"));

		try (Browser phone = Browser.open(port, 390).login("engineer")) {
			phone.go("/cases/" + caseNumber);
			assertThat(phone.find(By.cssSelector(".current-steps")).getText()).contains("上门处理并记录结果", "赵磊（工程部）");
			phone.screenshot("dispatch-03-engineer-before-check-in-390");
			phone.click(By.cssSelector(".arrivals button[type=submit]"));
			phone.waitForText(By.cssSelector(".arrivals"), "赵磊 于");
			phone.screenshot("dispatch-04-engineer-checked-in-390");
		}
		try (Browser desk = Browser.open(port, 1440).login("manager")) {
			desk.go("/cases/" + caseNumber);
			assertThat(desk.find(By.cssSelector(".arrivals")).getText()).contains("赵磊 于", "到场");
			assertThat(desk.text()).contains("到场签到");
			desk.screenshot("dispatch-05-manager-sees-the-arrival-1440");
		}
	}

	private String registerRepair(String unitNumber) {
		Map<String, Object> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"SERVICE_REQUEST\",\"unitNumber\":\"" + unitNumber
						+ "\",\"contactName\":\"卫女士\",\"channel\":\"PHONE\",\"category\":\"水电维修\","
						+ "\"urgency\":\"NORMAL\",\"description\":\"卫生间漏水\"}")
			.getBody();
		return (String) registered.get("caseNumber");
	}

}
