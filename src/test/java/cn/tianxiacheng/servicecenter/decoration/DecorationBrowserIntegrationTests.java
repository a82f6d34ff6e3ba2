package cn.tianxiacheng.servicecenter.decoration;

import static cn.tianxiacheng.servicecenter.StaffApi.vars;
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
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Element;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.http.HttpMethod;

/**
 * A decoration in a real browser (headless Chromium), each page as the staff member who uses it,
 * with screenshots under {@code target/screenshots/}: reception takes the application on the
 * app's page, checks the papers in Tasklist from a card that shows the decoration's facts;
 * engineering reviews it with the story in the form; the permit prints from the decoration's
 * page; security finds the works in the list of its building and records a patrol and a
 * violation there.
 */
@IntegrationTest
class DecorationBrowserIntegrationTests extends BrowserTestSupport {

	private static final List<String> ENGLISH = List.of("Select", "Field is required", "OWNER", "APPROVE", "COMPLETE");

	@Test
	void shouldWalkADecorationFromTheCounterToTheSite() throws Exception {
		Map<String, Object> unit = DecorationRequests.freshUnit(jdbc, "1-2-");
		String unitNumber = (String) unit.get("number");
		LocalDate start = LocalDate.now().plusDays(2);
		String number;
		try (Browser reception = Browser.open(port, 1400).login("receptionist")) {
			reception.go("/decorations/new");
			reception.find(By.name("unitNumber")).sendKeys(unitNumber);
			reception.find(By.name("applicantName")).sendKeys((String) unit.get("owner_name"));
			reception.find(By.name("applicantPhone")).sendKeys(DecorationRequests.APPLICANT_PHONE);
			reception.find(By.name("contractorCompany")).sendKeys("天下城美居装饰工程有限公司");
			reception.find(By.name("contractorLicence")).sendKeys("D213012345");
			reception.find(By.name("contractorPerson")).sendKeys("赵建军");
			reception.find(By.name("contractorPhone")).sendKeys(DecorationRequests.CONTRACTOR_PHONE);
			reception.find(By.name("workers")).sendKeys("王建国," + DecorationRequests.WORKER_ID + ",水电工\n李木生,"
					+ DecorationRequests.OTHER_WORKER_ID + ",木工");
			date(reception, "plannedStart", start);
			date(reception, "plannedEnd", start.plusDays(45));
			reception.find(By.name("works")).sendKeys("厨卫翻新，更换卫生间防水层");
			reception.click(By.cssSelector("input[name=scope][value=WATERPROOFING]"));
			reception.screenshot("decoration-01-reception-takes-the-application");
			reception.click(By.cssSelector("form.stacked button[type=submit]"));
			String notice = reception.find(By.cssSelector("p.notice")).getText();
			number = jdbc.queryForObject("select decoration_number from decoration where unit_id = ?", String.class,
					unit.get("id"));
			assertThat(notice).contains(number);
			assertThat(reception.text()).contains("申报审核中", "防水施工方案", "闭水试验记录", "1101**********2034")
				.doesNotContain(DecorationRequests.WORKER_ID);
			reception.screenshot("decoration-02-application-received");

			WebElement card = reception.taskCard(filterService, "待领取 · 接待员", number);
			assertThat(card.getText()).contains(number, unitNumber, "装修", "核验装修资料");
			reception.screenshot("decoration-03-tasklist-card");
			card.findElement(By.cssSelector("a")).click();
			reception.click(By.cssSelector("button.claim"));
			reception.waitForText(By.tagName("body"), "闭水试验记录");
			reception.click(By.xpath("//label[contains(., '齐全有效')]"));
			reception.type(By.cssSelector("[id$=Field_opinion]"), "原件已核对，复印件留存");
			assertNoEnglish(reception);
			reception.screenshot("decoration-04-reception-checks-the-papers");
			reception.completeTask();
		}
		String pid = jdbc.queryForObject("select process_instance_id from decoration where decoration_number = ?",
				String.class, number);
		try (Browser engineer = Browser.open(port, 1400).login("engineer")) {
			engineer.openTask(filterService, "待领取 · 工程部", number);
			engineer.click(By.cssSelector("button.claim"));
			engineer.waitForText(By.tagName("body"), "原件已核对，复印件留存");
			engineer.click(By.xpath("//label[contains(., '附条件同意')]"));
			engineer.type(By.cssSelector("[id$=Field_engineeringConditions]"), "闭水试验须工程部到场见证");
			engineer.type(By.cssSelector("[id$=Field_opinion]"), "方案可行");
			assertNoEnglish(engineer);
			engineer.screenshot("decoration-05-engineering-reviews-with-the-story");
			engineer.completeTask();
		}
		StaffApi.awaitJobs(managementService, pid);
		StaffApi.work(rest, "receptionist", task(pid, Element.SIGN_AGREEMENT).getId(), vars("agreementSigned", true,
				"prohibitedActsAcknowledged", true, "permittedHours", "8:00–12:00，14:00–18:00；法定节假日不得进行产生噪音的施工",
				"wasteRemoval", "PROPERTY"));
		StaffApi.awaitJobs(managementService, pid);
		BigDecimal fees = jdbc.queryForObject("select sum(amount) from bill where period = ?", BigDecimal.class, number);
		List<Long> bills = jdbc.queryForList("select id from bill where period = ?", Long.class, number);
		StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/payments", "{\"idempotencyKey\":\"" + UUID.randomUUID()
				+ "\",\"unitId\":" + unit.get("id") + ",\"amount\":" + fees + ",\"method\":\"WECHAT\",\"billIds\":" + bills
				+ "}");
		Task handOver = awaitTask(pid, Element.HAND_OVER_PERMIT);
		StaffApi.work(rest, "receptionist", handOver.getId(), vars("permitHandedOver", true, "passesHandedOver", true));

		try (Browser reception = Browser.open(port, 1400).login("receptionist")) {
			reception.go("/decorations/" + number);
			assertThat(reception.text()).contains("施工中", "已缴清", "垃圾清运费", "闭水试验须工程部到场见证", "业主申请竣工验收");
			reception.screenshot("decoration-06-decoration-page-with-permit");
			reception.click(By.cssSelector("a.permit-link"));
			reception.waitForText(By.tagName("body"), "装 修 许 可 证");
			assertThat(reception.text()).contains(unitNumber, "8:00–12:00", "闭水试验须工程部到场见证", "赵*")
				.doesNotContain(DecorationRequests.CONTRACTOR_PHONE);
			reception.screenshot("decoration-07-permit-to-post-at-the-door");
		}
		String building = unitNumber.split("-")[0];
		try (Browser guard = Browser.open(port, 1400).login("guard")) {
			guard.go("/decorations?building=" + building);
			WebElement row = guard.find(By.xpath("//tr[contains(., '" + number + "')]"));
			assertThat(row.getText()).contains(unitNumber, "天下城美居装饰工程有限公司", "施工中", "尚未巡检");
			guard.screenshot("decoration-08-works-under-way-in-the-building");
			row.findElement(By.cssSelector("a")).click();
			guard.click(By.cssSelector("form.patrol input[value=WASTE]"));
			guard.find(By.cssSelector("form.patrol input[name=notes]")).sendKeys("楼道有少量装修垃圾，已提醒清理");
			guard.click(By.cssSelector("form.patrol button[type=submit]"));
			guard.waitForText(By.cssSelector("p.notice"), "巡查已登记");
			guard.find(By.cssSelector("form.violation input[name=description]")).sendKeys("晚上九点仍在电钻施工");
			date(guard, "rectifyBy", LocalDate.now().plusDays(1));
			guard.click(By.cssSelector("form.violation button[type=submit]"));
			guard.waitForText(By.cssSelector("p.notice"), "违章已登记");
			assertThat(guard.text()).contains("秩序维护部巡查", "装修垃圾", "晚上九点仍在电钻施工", "待整改")
				.doesNotContain(DecorationRequests.APPLICANT_PHONE, DecorationRequests.CONTRACTOR_PHONE);
			guard.driver().executeScript("document.querySelector('form.violation').scrollIntoView({block: 'end'})");
			guard.screenshot("decoration-09-security-records-a-patrol-and-a-violation");
		}
		Task check = awaitTask(pid, Element.CHECK_RECTIFICATION);
		assertThat(check.getDueDate()).isNotNull();
	}

	/** Sets a date input as its picker would: headless Chromium's typing order follows no fixed locale. */
	private static void date(Browser browser, String name, LocalDate date) {
		browser.driver().executeScript("arguments[0].value = arguments[1]", browser.find(By.name(name)), date.toString());
	}

	private Task task(String pid, String key) {
		return taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult();
	}

	private static void assertNoEnglish(Browser browser) {
		String text = browser.text();
		for (String english : ENGLISH) {
			assertThat(text).as("English on a page staff use").doesNotContain(english);
		}
	}

}
