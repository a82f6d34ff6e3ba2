package cn.tianxiacheng.servicecenter.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.BrowserTestSupport;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.casework.ComplaintProcess;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.http.HttpMethod;

/**
 * A working day at the front desk in a real browser (headless Chromium), each step as the staff
 * member who does it, with a screenshot under {@code target/screenshots/}: reception registers a
 * complaint on the app's page and sees its number, finds its card in Tasklist with the case's
 * facts in Chinese, escalates it; the manager resolves it with a compensation that shows on the case page and in the ledger; an engineer picks charge items from the
 * estate's list and the bill is right; an overdue first response shows in the case's story; the
 * cashier ticks two bills, confirms and prints a receipt in figures and Chinese capitals; the
 * day's cash report renders. No page shows the English texts staff should never see.
 */
@IntegrationTest
class FrontDeskBrowserIntegrationTests extends BrowserTestSupport {

	/** English texts that leaked into Chinese pages before. */
	private static final List<String> ENGLISH = List.of("Select", "Field is required", "NORMAL", "URGENT",
			"Create task", "Start process");

	@Test
	void shouldWalkAComplaintFromTheCounterToTheManager() {
		String caseNumber;
		try (Browser reception = Browser.open(port, 1400).login("receptionist")) {
			reception.go("/cases/new");
			reception.click(By.cssSelector("input[name=type][value=COMPLAINT]"));
			reception.find(By.name("unitNumber")).sendKeys("2-1-301");
			reception.find(By.name("contactName")).sendKeys("孙女士");
			reception.find(By.name("contactPhone")).sendKeys("13900001234");
			reception.find(By.cssSelector("select[name=category] option[value='噪音扰民']")).click();
			reception.find(By.name("description")).sendKeys("楼上每晚十一点后仍在装修敲打");
			reception.screenshot("01-reception-registers-a-complaint");
			reception.click(By.cssSelector("form.stacked button[type=submit]"));
			caseNumber = reception.find(By.cssSelector("p.notice strong")).getText();
			assertThat(caseNumber).matches("TXC-TS-\\d{8}-\\d{4}");
			reception.screenshot("02-reception-sees-the-case-number");

			WebElement card = reception.taskCard(filterService, "待领取 · 接待员", caseNumber);
			assertThat(card.getText()).contains(caseNumber, "2-1-301", "噪音扰民", "一般").doesNotContain("NORMAL");
			reception.screenshot("03-tasklist-card-shows-the-case");
			reception.openTask(filterService, "待领取 · 接待员", caseNumber);
			reception.click(By.cssSelector("button.claim"));
			reception.click(By.xpath("//label[contains(., '无法处理，升级给经理')]"));
			reception.type(By.cssSelector("[id$=Field_opinion]"), "业主要求物业出面协调，前台无法处理");
			assertNoEnglish(reception);
			reception.screenshot("04-reception-escalates");
			reception.completeTask();
		}
		try (Browser manager = Browser.open(port, 1400).login("manager")) {
			manager.openTask(filterService, "待领取 · 服务中心经理", caseNumber);
			manager.click(By.cssSelector("button.claim"));
			manager.waitForText(By.tagName("body"), "业主要求物业出面协调，前台无法处理");
			manager.click(By.xpath("//label[contains(., '已处理完毕')]"));
			manager.type(By.cssSelector("[id$=Field_compensation]"), "50");
			manager.click(By.xpath("//label[contains(., '抵扣物业费')]"));
			manager.type(By.cssSelector("[id$=Field_opinion]"), "已约谈楼上业主，承诺晚十点后停工；补偿 50 元抵扣物业费");
			assertNoEnglish(manager);
			manager.screenshot("05-manager-sees-why-and-resolves");
			manager.completeTask();
			manager.go("/cases/" + caseNumber);
			assertThat(manager.text()).contains("已办结", "首次响应", "经理处理投诉", "王丽", "刘强", "补偿", "抵扣物业费",
					"50.00");
			manager.screenshot("06-case-page-tells-the-story");
		}
		assertThat(jdbc.queryForObject("""
				select p.amount from payment p join compensation c on c.payment_id = p.id
				 where c.case_number = ? and p.method = 'COMPENSATION'""", BigDecimal.class, caseNumber))
			.as("the compensation is a credit in the fee ledger").isEqualByComparingTo("50.00");
	}

	@Test
	void shouldAnswerTheTasklistStartFormWithTheCaseNumber() {
		try (Browser reception = Browser.open(port, 1400).login("receptionist")) {
			reception.go("/camunda/app/tasklist/default/");
			reception.click(By.xpath("//a[contains(., '发起流程')]"));
			reception.click(By.xpath("//*[contains(@class,'modal-dialog')]//a[normalize-space()='投诉处理']"));
			reception.type(By.cssSelector("[id$=Field_unitNumber]"), "2-1-401");
			reception.click(By.cssSelector(".modal-dialog .fjs-form-field-text"));
			reception.click(By.cssSelector(".fjs-form-field-select:has([id$=Field_category]) .fjs-input-group"));
			reception.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(., '环境卫生')]"));
			reception.click(By.xpath("//label[contains(., '一般')]"));
			reception.type(By.cssSelector("[id$=Field_description]"), "垃圾桶满溢无人清理");
			reception.screenshot("02b-reception-starts-a-complaint-in-tasklist");
			reception.click(By.xpath("//*[contains(@class,'modal-footer')]//button[contains(., '发起')]"));
			reception.waitForText(By.cssSelector(".case-started"), "案件编号 TXC-TS-");
			String caseNumber = reception.find(By.cssSelector(".case-started a")).getText();
			assertThat(jdbc.queryForObject("select description from service_case where case_number = ?", String.class,
					caseNumber)).isEqualTo("垃圾桶满溢无人清理");
			reception.screenshot("02c-tasklist-answers-with-the-case-number");
		}
	}

	@Test
	void shouldShowAnOverdueFirstResponseInTheCasesStory() {
		Map<String, Object> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"COMPLAINT\",\"unitNumber\":\"2-1-302\","
						+ "\"contactName\":\"周先生\",\"channel\":\"PHONE\",\"category\":\"服务态度\",\"urgency\":\"URGENT\","
						+ "\"description\":\"电话无人接听\"}").getBody();
		String processInstanceId = (String) registered.get("processInstanceId");
		taskService.claim(taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId(),
				"receptionist");
		managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId)
			.activityId(ComplaintProcess.Element.RESPONSE_OVERDUE).singleResult().getId());

		try (Browser manager = Browser.open(port, 1400).login("manager")) {
			manager.go("/cases/" + registered.get("caseNumber"));
			assertThat(manager.text()).contains("首次响应超时，已升级至经理督办");
			manager.screenshot("07-overdue-first-response-in-the-story");
		}
		try (Browser reception = Browser.open(port, 1400).login("receptionist")) {
			assertThat(reception.find(By.cssSelector("section.moved")).getText()).contains("已转走的任务",
					(String) registered.get("caseNumber"), "首次响应", "经理处理投诉");
			reception.screenshot("08-the-receptionist-sees-the-task-moved");
		}
	}

	@Test
	void shouldBillTheChargeItemsAnEngineerPicks() {
		Map<String, Object> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"SERVICE_REQUEST\",\"unitNumber\":\"2-1-303\","
						+ "\"contactName\":\"吴先生\",\"contactPhone\":\"13912345678\",\"channel\":\"PHONE\","
						+ "\"category\":\"水电维修\",\"urgency\":\"NORMAL\",\"description\":\"厨房水龙头漏水\"}").getBody();
		String processInstanceId = (String) registered.get("processInstanceId");
		StaffApi.work(rest, "engineer",
				taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId(),
				StaffApi.vars("appointmentAt", "2030-01-01T10:00", "opinion", "约明早十点"));
		String caseNumber = (String) registered.get("caseNumber");
		try (Browser auditor = Browser.open(port, 1400).login("auditor")) {
			auditor.go("/cases/" + caseNumber + "/work-order");
			assertThat(auditor.text()).as("the auditor does not go on site").doesNotContain("13912345678");
		}

		try (Browser engineer = Browser.open(port, 1400).login("engineer")) {
			engineer.go("/cases/" + caseNumber + "/work-order");
			assertThat(engineer.text()).as("the engineer holding the repair calls the owner before the visit")
				.contains("吴先生", "13912345678");
			engineer.openTask(filterService, "我的任务", caseNumber);
			engineer.waitForText(By.tagName("body"), "预约上门时间：2030年1月1日 10:00");
			engineer.click(By.xpath("//label[contains(., '已完成')]"));
			engineer.click(By.cssSelector(".fjs-form-field-select:has([id$=Field_chargeCode1]) .fjs-input-group"));
			engineer.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(., '维修材料费')]"));
			engineer.retype(By.cssSelector("[id$=Field_chargeQuantity1]"), "2");
			engineer.type(By.cssSelector("[id$=Field_opinion]"), "更换阀芯两个");
			assertNoEnglish(engineer);
			engineer.screenshot("08-engineer-picks-charge-items");
			engineer.completeTask();
		}
		StaffApi.awaitJobs(managementService, processInstanceId);
		assertThat(jdbc.queryForObject("select sum(amount) from bill where period = ?", BigDecimal.class, caseNumber))
			.as("2 × 维修材料费 35.00").isEqualByComparingTo("70.00");
		try (Browser engineer = Browser.open(port, 1400).login("engineer")) {
			engineer.go("/cases/" + caseNumber);
			assertThat(engineer.text()).contains("预约上门", "2030-01-01 10:00");
			engineer.click(By.linkText("打印派工单"));
			assertThat(engineer.text()).contains("派工单", caseNumber, "2-1-303", "厨房水龙头漏水", "2030-01-01 10:00", "赵磊",
					"维修人签字", "业主签字");
			engineer.screenshot("08b-printable-work-order");
		}
	}

	@Test
	void shouldLetTheCashierTickTwoBillsConfirmAndPrintAReceipt() {
		long unitId = jdbc.queryForObject("select id from unit where number = '2-1-304'", Long.class);
		String repair = "BX-RECEIPT-" + UUID.randomUUID().toString().substring(0, 8);
		for (String code : List.of("REPAIR_SERVICE", "ACCESS_CARD")) {
			jdbc.update("""
					insert into bill (unit_id, fee_item_id, period, subject, amount, due_date, description, issued_at, issued_by)
					values (?, (select min(id) from fee_item where code = ?), ?, '', 80.00, current_date, ?, current_timestamp, 'test')""",
					unitId, code, repair, repair + " " + code);
		}
		try (Browser cashier = Browser.open(port, 1400).login("cashier")) {
			cashier.go("/cashier/units/" + unitId);
			List<WebElement> bills = cashier.driver().findElements(By.cssSelector("input.bill"));
			bills.stream().limit(2).forEach(WebElement::click);
			assertThat(cashier.find(By.id("amount")).getAttribute("value")).isNotBlank();
			cashier.screenshot("09-cashier-ticks-two-bills");
			cashier.click(By.cssSelector("form.payment button[type=submit]"));
			cashier.driver().switchTo().alert().accept();
			cashier.waitFor(By.cssSelector(".capitals"));
			assertThat(cashier.text()).contains("收款收据", "合计（大写）", "元", "收款人：张敏", "收款单位（盖章）")
				.containsPattern("[壹贰叁肆伍陆柒捌玖]");
			cashier.screenshot("10-receipt-with-capitals");
			cashier.go("/cashier/report");
			assertThat(cashier.text()).contains("收款日报", "合计");
			cashier.screenshot("11-cash-report");
		}
	}

	@Test
	void shouldReverseAPaymentAndRefundADepositEachWithItsReason() {
		long unitId = jdbc.queryForObject("select id from unit where number = '2-2-304'", Long.class);
		String period = "DEP-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.update("""
				insert into bill (unit_id, fee_item_id, period, subject, amount, due_date, description, issued_at, issued_by)
				values (?, (select min(id) from fee_item where code = 'DECORATION_DEPOSIT'), ?, '', 3000.00, current_date,
				        '装修押金', current_timestamp, 'test')""", unitId, period);
		long depositId = jdbc.queryForObject("select id from bill where period = ?", Long.class, period);
		StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/payments", "{\"idempotencyKey\":\"" + UUID.randomUUID()
				+ "\",\"unitId\":" + unitId + ",\"amount\":3000.00,\"method\":\"TRANSFER\",\"billIds\":[" + depositId + "]}");
		String mistaken = (String) StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/payments", "{\"idempotencyKey\":\""
				+ UUID.randomUUID() + "\",\"unitId\":" + unitId + ",\"amount\":50.00,\"method\":\"CASH\"}").getBody()
			.get("receiptNumber");

		try (Browser cashier = Browser.open(port, 1400).login("cashier")) {
			cashier.go("/cashier/units/" + unitId);
			String row = "//tr[contains(., '" + mistaken + "')]";
			cashier.type(By.xpath(row + "//input[@name='reason']"), "金额录错，业主实交 5 元");
			cashier.click(By.xpath(row + "//button[contains(., '冲正')]"));
			cashier.driver().switchTo().alert().accept();
			cashier.waitForText(By.cssSelector("p.notice"), "收款 " + mistaken + " 已冲正");
			assertThat(cashier.find(By.xpath(row)).getText()).contains("已冲正");

			String deposit = "//tr[td[1][normalize-space()='" + depositId + "']]";
			cashier.retype(By.xpath(deposit + "//input[@name='deduction']"), "200.00");
			cashier.type(By.xpath(deposit + "//input[@name='reason']"), "施工损坏楼道墙面，扣修复费");
			cashier.screenshot("14-cashier-refunds-a-deposit");
			cashier.click(By.xpath(deposit + "//button[contains(., '退押金')]"));
			cashier.driver().switchTo().alert().accept();
			cashier.waitForText(By.cssSelector("p.notice"), "已退还押金 2800.00 元（押金 3000.00 元，扣款 200.00 元");
			assertThat(cashier.find(By.xpath(deposit)).getText()).contains("已退还").doesNotContain("已冲正");
			cashier.screenshot("15-deposit-refunded-payment-reversed");
		}
		assertThat(jdbc.queryForObject("select sum(amount) from refund where bill_id = ?", BigDecimal.class, depositId))
			.isEqualByComparingTo("2800.00");
		assertThat(jdbc.queryForObject("select reason from reversal r join payment p on p.id = r.payment_id"
				+ " where p.receipt_number = ?", String.class, mistaken)).isEqualTo("金额录错，业主实交 5 元");
	}

	@Test
	void shouldWorkAtPhoneWidth() {
		try (Browser guard = Browser.open(port, 390).login("guard")) {
			assertThat(guard.text()).contains("工作台", "我的任务").doesNotContain("收费台", "guard");
			guard.screenshot("12-home-at-phone-width");
			guard.go("/cases");
			assertThat(guard.text()).contains("工单列表", "案件编号", "房号");
			guard.screenshot("13-cases-at-phone-width");
		}
	}

	private static void assertNoEnglish(Browser browser) {
		String text = browser.text();
		for (String english : ENGLISH) {
			assertThat(text).as("English on a page staff use").doesNotContain(english);
		}
	}

}
