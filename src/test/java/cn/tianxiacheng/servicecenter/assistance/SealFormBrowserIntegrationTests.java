package cn.tianxiacheng.servicecenter.assistance;

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
 * 审批用印 in Tasklist: the manager reads the certificate's text in the form (taken from the app's
 * page, never from the engine), screenshot under {@code target/screenshots/}.
 */
@IntegrationTest
class SealFormBrowserIntegrationTests extends BrowserTestSupport {

	@Test
	void shouldShowTheCertificateTextInTheSealApprovalForm() {
		Map<String, Object> owner = jdbc.queryForMap("""
				select u.number, o.name from owner o join unit u on u.id = o.unit_id
				 where o.id = (select max(o2.id) from owner o2 join unit u2 on u2.id = o2.unit_id
				                where u2.status = 'OCCUPIED' and o2.move_in_date is not null and u2.number like '1-%')""");
		Map<String, Object> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/assistance-requests",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"unitNumber\":\"" + owner.get("number") + "\",\"ownerName\":\""
						+ owner.get("name") + "\",\"kind\":\"RESIDENCE\",\"purpose\":\"SCHOOL_ENROLMENT\","
						+ "\"addressee\":\"天下城第一小学\"}")
			.getBody();
		String number = (String) registered.get("requestNumber");
		String instance = (String) registered.get("processInstanceId");
		StaffApi.work(rest, "receptionist", taskService.createTaskQuery().processInstanceId(instance).singleResult().getId(),
				StaffApi.vars("requesterVerified", true, "opinion", "身份证与业主档案一致"));
		StaffApi.awaitJobs(managementService, instance);

		try (Browser manager = Browser.open(port, 1440).login("manager")) {
			manager.openTask(filterService, "待领取 · 服务中心经理", number);
			manager.waitForText(By.cssSelector(".certificate-draft"), "兹证明：" + owner.get("name"));
			assertThat(manager.find(By.cssSelector(".certificate-draft")).getText()).contains("本证明用于办理子女入学");
			manager.screenshot("seal-01-manager-reads-the-certificate-in-the-form");
		}
	}

}
