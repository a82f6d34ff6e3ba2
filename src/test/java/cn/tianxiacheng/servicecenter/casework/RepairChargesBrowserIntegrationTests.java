package cn.tianxiacheng.servicecenter.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
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

/**
 * 收费先于账单 in a browser: the engineer sees each line's total and the sum as they pick the
 * repair items; the cashier corrects a wrong charge on the case page; the reprinted 派工单 lists the
 * charges that stand.
 */
@IntegrationTest
class RepairChargesBrowserIntegrationTests extends IntegrationTestSupport {

	@Test
	void shouldTotalTheChargesLiveCorrectOneAndReprintTheWorkOrder() {
		assumeTrue(TestDatabase.KIND.equals("h2"), "the pages are the same on PostgreSQL");
		String caseNumber = (String) StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"SERVICE_REQUEST\",\"unitNumber\":\"3-1-2303\","
						+ "\"contactName\":\"钱先生\",\"channel\":\"PHONE\",\"category\":\"水电维修\","
						+ "\"urgency\":\"NORMAL\",\"description\":\"阳台地漏堵塞\"}")
			.getBody()
			.get("caseNumber");
		String processId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
			.singleResult().getId();
		StaffApi.work(rest, "engineer", taskService.createTaskQuery().processInstanceId(processId).singleResult().getId(),
				StaffApi.vars("appointmentAt", "2030-01-01T10:00", "opinion", "约好"));

		try (Browser engineer = Browser.open(port, 1400).login("engineer")) {
			engineer.openTask(filterService, "我的任务", caseNumber);
			engineer.click(By.xpath("//label[contains(., '已完成')]"));
			pick(engineer, 1, "维修材料费");
			engineer.waitForText(By.tagName("body"), "小计 35.00 元");
			pick(engineer, 2, "有偿维修服务费");
			engineer.waitForText(By.tagName("body"), "合计 115.00 元");
			engineer.retype(By.cssSelector("[id$=Field_chargeQuantity1]"), "3");
			engineer.waitForText(By.tagName("body"), "小计 105.00 元");
			engineer.waitForText(By.tagName("body"), "合计 185.00 元");
			assertThat(engineer.text()).as("only repair items are offered").doesNotContain("装修管理费");
			engineer.type(By.cssSelector("[id$=Field_opinion]"), "疏通地漏，更换地漏芯三个");
			engineer.screenshot("charges-01-engineer-sees-line-totals-and-sum");
			engineer.completeTask();
		}
		StaffApi.awaitJobs(managementService, processId);
		assertThat(standingTotal(caseNumber)).as("the bills the server computed").isEqualByComparingTo("185.00");

		try (Browser cashier = Browser.open(port, 1400).login("cashier")) {
			cashier.go("/cases/" + caseNumber);
			cashier.click(By.xpath("//tr[contains(., '维修材料费')]/following-sibling::tr[1]//summary"));
			cashier.type(By.cssSelector("details[open] input[name=reason]"), "地漏芯实际更换两个");
			new Select(cashier.find(By.cssSelector("details[open] select[name=itemCode]")))
				.selectByVisibleText("维修材料费（每件） · 35.00 元");
			cashier.retype(By.cssSelector("details[open] input[name=quantity]"), "2");
			cashier.screenshot("charges-02-cashier-corrects-a-charge");
			cashier.click(By.cssSelector("details[open] button[type=submit]"));
			cashier.waitForText(By.id("charges"), "收费");
			BigDecimal total = standingTotal(caseNumber);
			assertThat(total).isEqualByComparingTo("150.00");
			assertThat(cashier.find(By.cssSelector("table.charges")).getText()).contains("已冲正",
					"更正：地漏芯实际更换两个", "（更正1）", total.toPlainString());
			cashier.screenshot("charges-03-case-page-after-correction");
		}
		try (Browser phone = Browser.open(port, 390).login("manager")) {
			phone.go("/cases/" + caseNumber);
			phone.driver().executeScript("arguments[0].scrollIntoView()", phone.find(By.id("charges")));
			phone.screenshot("charges-04-case-page-charges-390");
		}
		try (Browser engineer = Browser.open(port, 1400).login("engineer")) {
			engineer.go("/cases/" + caseNumber);
			engineer.click(By.linkText("打印派工单"));
			assertThat(engineer.find(By.cssSelector("table.charges")).getText()).contains("已记收费项目", "有偿维修服务费",
					"（更正1）", "已冲正", standingTotal(caseNumber).toPlainString());
			engineer.screenshot("charges-05-reprinted-work-order");
		}
	}

	/** Picks a repair item in a charge line of the work form. */
	private static void pick(Browser engineer, int line, String item) {
		engineer.click(By.cssSelector(".fjs-form-field-select:has([id$=Field_chargeCode" + line + "]) .fjs-input-group"));
		engineer.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(., '" + item + "')]"));
	}

	private BigDecimal standingTotal(String caseNumber) {
		return jdbc.queryForObject("""
				select coalesce(sum(b.amount), 0) from bill b
				 where b.period = ? and not exists (select 1 from reversal r where r.bill_id = b.id)""", BigDecimal.class,
				caseNumber);
	}

}
