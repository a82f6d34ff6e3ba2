package cn.tianxiacheng.servicecenter.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * 收费先于账单 (issue 21, item 13): the engineer is offered the repair items only, and the server
 * refuses any other; the charges show on the case page, the reception's confirmation and the
 * reprinted 派工单; the cashier or the manager corrects a wrong charge by a reversal and a new one,
 * once per request id; the manager relieves an unhappy owner by a credit bounded by the case's
 * charges or by waiving a charge. Every figure is computed here from the ledger's rows.
 */
@IntegrationTest
class RepairChargesIntegrationTests extends IntegrationTestSupport {

	@Test
	void shouldOfferTheRepairItemsOnlyAndRefuseADecorationFee() {
		String caseNumber = registerRepair("3-1-2201");
		Task work = appointed(caseNumber);

		@SuppressWarnings("unchecked")
		Map<String, ?> prices = (Map<String, ?>) taskService.getVariable(work.getId(), ChargeItems.PRICES);
		@SuppressWarnings("unchecked")
		List<Map<String, String>> options = (List<Map<String, String>>) taskService.getVariable(work.getId(),
				ChargeItems.OPTIONS);
		assertThat(options).extracting(option -> option.get("value")).containsExactly("REPAIR_SERVICE", "REPAIR_MATERIAL");
		assertThat(prices.keySet()).as("priced for the form's totals").containsOnly("REPAIR_SERVICE", "REPAIR_MATERIAL");
		assertThat(((Number) prices.get("REPAIR_MATERIAL")).longValue()).as("35.00 yuan in 1/10000 yuan").isEqualTo(350_000L);
		StaffApi.call(rest, "engineer", HttpMethod.POST, "/engine-rest/task/" + work.getId() + "/claim",
				"{\"userId\":\"engineer\"}");

		var refused = StaffApi.call(rest, "engineer", HttpMethod.POST, "/engine-rest/task/" + work.getId() + "/complete",
				StaffApi.completion(StaffApi.vars("workResult", "DONE", "chargeCode1", "DECORATION_MANAGEMENT",
						"chargeQuantity1", 1, "opinion", "已修")));

		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody().get("message").toString()).contains("收费项目“DECORATION_MANAGEMENT”", "报修只收维修项目");
		assertThat(taskService.createTaskQuery().taskId(work.getId()).count()).as("the work is still open").isOne();
		assertThat(billCount(caseNumber)).isZero();
	}

	@Test
	void shouldShowTheChargesOnTheCasePageTheConfirmationAndTheReprintedWorkOrder() {
		String caseNumber = chargedRepair("3-1-2202");
		BigDecimal total = standingTotal(caseNumber);
		assertThat(total).as("80.00 + 3 × 35.00, from the bill rows").isEqualByComparingTo("185.00");

		Task confirm = openTask(caseNumber);
		assertThat(confirm.getTaskDefinitionKey()).isEqualTo(ServiceRequestProcess.Element.CONFIRM_WITH_OWNER);
		String summary = (String) taskService.getVariable(confirm.getId(), ChargeSummaryListener.SUMMARY);
		assertThat(summary).contains("有偿维修服务费", "维修材料费（每件） ×3", "105.00", "合计 **" + total.toPlainString() + " 元**");

		String page = WebSession.loggedIn(port, "receptionist").get("/cases/" + caseNumber).body();
		assertThat(page).contains("收费", "80.00", "105.00", total.toPlainString())
			.as("only the cashier and the manager correct").doesNotContain("冲正并更正");
		String order = WebSession.loggedIn(port, "engineer").get("/cases/" + caseNumber + "/work-order").body();
		assertThat(order).contains("派工单", "已记收费项目", "维修材料费（每件） ×3", total.toPlainString());
	}

	@Test
	void shouldCorrectAWrongChargeByAReversalAndANewChargeOnce() {
		String caseNumber = chargedRepair("3-1-2203");
		long material = billOf(caseNumber, "REPAIR_MATERIAL");
		WebSession cashier = WebSession.loggedIn(port, "cashier");
		String requestId = UUID.randomUUID().toString();
		String fields = "requestId=" + requestId + "&reason=" + encode("材料记多了一件")
				+ "&itemCode=REPAIR_MATERIAL&quantity=2";

		HttpResponse<String> corrected = cashier.submit("/cases/" + caseNumber, correction(caseNumber, material), fields);
		HttpResponse<String> retried = cashier.submit("/cases/" + caseNumber, correction(caseNumber, material), fields);

		assertThat(corrected.statusCode()).isEqualTo(302);
		assertThat(retried.statusCode()).as("the retry answers as the first").isEqualTo(302);
		assertThat(jdbc.queryForMap("select reason, reversed_by from reversal where bill_id = ?", material))
			.containsEntry("reason", "更正：材料记多了一件").containsEntry("reversed_by", "cashier");
		assertThat(billCount(caseNumber)).as("the ledger keeps the wrong charge and the new one").isEqualTo(3);
		assertThat(jdbc.queryForObject("select count(*) from reversal r join bill b on b.id = r.bill_id where b.period = ?",
				Integer.class, caseNumber)).as("one reversal, not two").isOne();
		BigDecimal total = standingTotal(caseNumber);
		assertThat(total).as("80.00 + 2 × 35.00").isEqualByComparingTo("150.00");
		assertThat(cashier.get("/cases/" + caseNumber).body()).contains("已冲正", "更正：材料记多了一件", "张敏",
				total.toPlainString(), "（更正1）");
		assertThat(taskService.getVariable(openTask(caseNumber).getId(), ChargeSummaryListener.SUMMARY))
			.as("the confirmation opened before the correction").asString().contains("185.00");
	}

	@Test
	void shouldRefuseACorrectionByAnotherRoleOrWithoutAReasonAndChangeNothing() {
		String caseNumber = chargedRepair("3-1-2204");
		long service = billOf(caseNumber, "REPAIR_SERVICE");
		String path = correction(caseNumber, service);
		String fields = "requestId=" + UUID.randomUUID() + "&reason=" + encode("收错了") + "&itemCode=&quantity=1";

		assertThat(WebSession.loggedIn(port, "receptionist").submit("/cases/" + caseNumber, path, fields).statusCode())
			.isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "engineer").submit("/cases/" + caseNumber, path, fields).statusCode())
			.isEqualTo(403);
		WebSession manager = WebSession.loggedIn(port, "manager");
		HttpResponse<String> noReason = manager.submit("/cases/" + caseNumber, path,
				"requestId=" + UUID.randomUUID() + "&reason=+&itemCode=&quantity=1");
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("请填写“更正原因”");
		HttpResponse<String> decoration = manager.submit("/cases/" + caseNumber, path, "requestId=" + UUID.randomUUID()
				+ "&reason=" + encode("改收") + "&itemCode=DECORATION_MANAGEMENT&quantity=1");
		assertThat(decoration.statusCode()).isEqualTo(400);
		assertThat(decoration.body()).contains("报修只收维修项目");
		HttpResponse<String> noQuantity = manager.submit("/cases/" + caseNumber, path, "requestId=" + UUID.randomUUID()
				+ "&reason=" + encode("改收") + "&itemCode=REPAIR_SERVICE&quantity=0");
		assertThat(noQuantity.statusCode()).isEqualTo(400);
		assertThat(noQuantity.body()).contains("数量应为 1 到 99 的整数");

		assertThat(jdbc.queryForObject("select count(*) from reversal where bill_id = ?", Integer.class, service)).isZero();
		assertThat(billCount(caseNumber)).isEqualTo(2);
		assertThat(standingTotal(caseNumber)).isEqualByComparingTo("185.00");
	}

	@Test
	void shouldLetTheManagerCreditAnUnhappyOwnerUpToTheCasesCharges() {
		String caseNumber = chargedRepair("3-1-2301");
		long unitId = unitOf(caseNumber);
		Task followUp = unhappyVisit(caseNumber);
		BigDecimal total = standingTotal(caseNumber);
		BigDecimal paymentsBefore = payments(unitId);
		StaffApi.call(rest, "manager", HttpMethod.POST, "/engine-rest/task/" + followUp.getId() + "/claim",
				"{\"userId\":\"manager\"}");

		var tooMuch = StaffApi.call(rest, "manager", HttpMethod.POST, "/engine-rest/task/" + followUp.getId() + "/complete",
				StaffApi.completion(StaffApi.vars("relief", "CREDIT", "reliefAmount", total.add(new BigDecimal("0.01")),
						"opinion", "上门致歉")));
		assertThat(tooMuch.getStatusCode().value()).isEqualTo(400);
		assertThat(tooMuch.getBody().get("message").toString()).contains("“抵扣金额（元）”", total.toPlainString());
		assertThat(taskService.createTaskQuery().taskId(followUp.getId()).count()).isOne();
		assertThat(payments(unitId)).isEqualByComparingTo(paymentsBefore);

		var granted = StaffApi.call(rest, "manager", HttpMethod.POST, "/engine-rest/task/" + followUp.getId() + "/complete",
				StaffApi.completion(StaffApi.vars("relief", "CREDIT", "reliefAmount", 50.5, "opinion", "上门致歉，抵扣部分费用")));
		assertThat(granted.getStatusCode().value()).as("%s", granted.getBody()).isEqualTo(204);

		assertThat(payments(unitId).subtract(paymentsBefore)).as("a credit in the unit's account")
			.isEqualByComparingTo("50.50");
		assertThat(jdbc.queryForObject("""
				select sum(p.amount) from payment p join compensation c on c.payment_id = p.id
				 where c.case_number = ? and p.method = 'COMPENSATION'""", BigDecimal.class, caseNumber))
			.isEqualByComparingTo("50.50");
		assertThat(WebSession.loggedIn(port, "manager").get("/cases/" + caseNumber).body()).contains("补偿", "抵扣物业费",
				"50.50");
	}

	@Test
	void shouldLetTheManagerWaiveACharge() {
		String caseNumber = chargedRepair("3-1-2302");
		long material = billOf(caseNumber, "REPAIR_MATERIAL");
		Task followUp = unhappyVisit(caseNumber);
		assertThat(taskService.getVariable(followUp.getId(), ChargeReliefListener.HAS_CHARGES)).isEqualTo(true);
		StaffApi.call(rest, "manager", HttpMethod.POST, "/engine-rest/task/" + followUp.getId() + "/claim",
				"{\"userId\":\"manager\"}");

		var unknown = StaffApi.call(rest, "manager", HttpMethod.POST, "/engine-rest/task/" + followUp.getId() + "/complete",
				StaffApi.completion(StaffApi.vars("relief", "WAIVE", "reliefBill", "999999", "opinion", "免收")));
		assertThat(unknown.getStatusCode().value()).isEqualTo(400);
		assertThat(unknown.getBody().get("message").toString()).contains("“免收的收费项目”");
		assertThat(standingTotal(caseNumber)).isEqualByComparingTo("185.00");

		StaffApi.work(rest, "manager", followUp.getId(),
				StaffApi.vars("relief", "WAIVE", "reliefBill", Long.toString(material), "opinion", "材料质量问题，免收材料费"));

		assertThat(jdbc.queryForObject("select reason from reversal where bill_id = ?", String.class, material))
			.startsWith("减免：回访不满意，经理免收：材料质量问题");
		BigDecimal total = standingTotal(caseNumber);
		assertThat(total).isEqualByComparingTo("80.00");
		assertThat(WebSession.loggedIn(port, "receptionist").get("/cases/" + caseNumber).body()).contains("已冲正",
				"减免：回访不满意", total.toPlainString());
	}

	private String registerRepair(String unitNumber) {
		return (String) StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"SERVICE_REQUEST\",\"unitNumber\":\"" + unitNumber
						+ "\",\"contactName\":\"孙先生\",\"channel\":\"PHONE\",\"category\":\"水电维修\","
						+ "\"urgency\":\"NORMAL\",\"description\":\"卫生间水管漏水\"}")
			.getBody()
			.get("caseNumber");
	}

	private Task appointed(String caseNumber) {
		StaffApi.work(rest, "engineer", openTask(caseNumber).getId(),
				StaffApi.vars("appointmentAt", "2030-01-01T10:00", "opinion", "约好"));
		return openTask(caseNumber);
	}

	/** A repair done with 有偿维修服务费 ×1 and 维修材料费 ×3, billed, waiting for reception's confirmation. */
	private String chargedRepair(String unitNumber) {
		String caseNumber = registerRepair(unitNumber);
		StaffApi.work(rest, "engineer", appointed(caseNumber).getId(),
				StaffApi.vars("workResult", "DONE", "chargeCode1", "REPAIR_SERVICE", "chargeQuantity1", 1, "chargeCode2",
						"REPAIR_MATERIAL", "chargeQuantity2", 3, "opinion", "更换水管"));
		StaffApi.awaitJobs(managementService, processOf(caseNumber));
		return caseNumber;
	}

	/** The owner confirms, the visit is due and scores 2: the manager's follow-up is open. */
	private Task unhappyVisit(String caseNumber) {
		String processId = processOf(caseNumber);
		StaffApi.work(rest, "receptionist", openTask(caseNumber).getId(),
				StaffApi.vars("ownerConfirmed", true, "opinion", "业主确认"));
		StaffApi.awaitJobs(managementService, processId);
		String visitId = runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(ReturnVisitProcess.businessKey(caseNumber))
			.singleResult()
			.getId();
		managementService.executeJob(managementService.createJobQuery().processInstanceId(visitId).singleResult().getId());
		StaffApi.work(rest, "receptionist", taskService.createTaskQuery().processInstanceId(visitId).singleResult().getId(),
				StaffApi.vars("reached", true, ReturnVisitProcess.SATISFACTION, 2, "opinion", "收费太贵"));
		Task followUp = taskService.createTaskQuery().processInstanceId(visitId).singleResult();
		assertThat(followUp.getTaskDefinitionKey()).isEqualTo(ReturnVisitProcess.Element.MANAGER_FOLLOW_UP);
		return followUp;
	}

	private String processOf(String caseNumber) {
		return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
	}

	private Task openTask(String caseNumber) {
		return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
	}

	private long billOf(String caseNumber, String itemCode) {
		return jdbc.queryForObject("""
				select b.id from bill b join fee_item f on f.id = b.fee_item_id where b.period = ? and f.code = ?""",
				Long.class, caseNumber, itemCode);
	}

	private long unitOf(String caseNumber) {
		return jdbc.queryForObject("select unit_id from service_case where case_number = ?", Long.class, caseNumber);
	}

	private int billCount(String caseNumber) {
		return jdbc.queryForObject("select count(*) from bill where period = ?", Integer.class, caseNumber);
	}

	/** The case's bills that no reversal undoes, summed from the ledger's rows. */
	private BigDecimal standingTotal(String caseNumber) {
		return jdbc.queryForObject("""
				select coalesce(sum(b.amount), 0) from bill b
				 where b.period = ? and not exists (select 1 from reversal r where r.bill_id = b.id)""", BigDecimal.class,
				caseNumber);
	}

	private BigDecimal payments(long unitId) {
		return jdbc.queryForObject("select coalesce(sum(amount), 0) from payment where unit_id = ?", BigDecimal.class,
				unitId);
	}

	private static String correction(String caseNumber, long billId) {
		return "/cases/" + caseNumber + "/charges/" + billId + "/correction";
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
