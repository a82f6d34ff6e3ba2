package cn.tianxiacheng.servicecenter.decoration;

import static cn.tianxiacheng.servicecenter.StaffApi.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.EngineTables;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Element;
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A whole decoration on the running application, each step over the app's API or
 * {@code /engine-rest} as the staff member who does it: the fees billed and paid at the counter,
 * the permit, a neighbour's complaint and an inspection's violations, an extension, the
 * acceptance, the hold period and the refund less the deductions, to the fen; the ledger
 * balances; and no worker's ID number or phone anywhere in the engine's tables. Then the bad
 * applications, refused with a clear 4xx, creating nothing.
 */
@IntegrationTest
class DecorationIntegrationTests extends IntegrationTestSupport {

	static final String HOURS = "8:00–12:00，14:00–18:00；法定节假日不得进行产生噪音的施工";

	@Test
	@SuppressWarnings("unchecked")
	void shouldRunAWholeDecorationAndRefundTheDepositLessTheDeductions() throws Exception {
		Map<String, Object> unit = DecorationRequests.freshUnit(jdbc, "3-1-");
		long unitId = ((Number) unit.get("id")).longValue();
		String unitNumber = (String) unit.get("number");
		String requestId = UUID.randomUUID().toString();
		String application = DecorationRequests.application(requestId, unitNumber, (String) unit.get("owner_name"),
				List.of("WATERPROOFING", "BALCONY_ENCLOSURE"));
		BigDecimal balanceBefore = balance(unitId);

		ResponseEntity<Map<String, Object>> applied = call("receptionist", HttpMethod.POST, "/api/decorations", application);
		assertThat(applied.getStatusCode()).as("applied: %s", applied.getBody()).isEqualTo(HttpStatus.OK);
		String number = (String) applied.getBody().get("decorationNumber");
		String pid = (String) applied.getBody().get("processInstanceId");
		assertThat(number).matches("TXC-ZX-\\d{8}-\\d{4}");
		assertThat((List<Object>) applied.getBody().get("requiredDocuments")).contains("闭水试验记录（蓄水不少于 48 小时）",
				"阳台封闭方案（小区统一样式）");
		assertThat(call("receptionist", HttpMethod.POST, "/api/decorations", application).getBody())
			.as("a retry answers the first").containsEntry("decorationNumber", number);
		assertThat(DecorationRequests.apply(rest, unitNumber, (String) unit.get("owner_name"), List.of()).getStatusCode())
			.as("one open decoration a unit").isEqualTo(HttpStatus.CONFLICT);

		workTask("receptionist", pid, Element.CHECK_DOCUMENTS, vars(Var.DOCUMENTS_RESULT, "COMPLETE", Var.OPINION, "资料齐全"));
		workTask("engineer", pid, Element.ENGINEERING_REVIEW, vars(Var.ENGINEERING_DECISION, "APPROVE_WITH_CONDITIONS",
				Var.ENGINEERING_CONDITIONS, "闭水试验须工程部见证", Var.OPINION, "方案可行"));
		workTask("manager", pid, Element.MANAGER_APPROVAL, vars(Var.MANAGER_DECISION, "APPROVE", Var.OPINION, "按小区统一样式封闭"));
		workTask("receptionist", pid, Element.SIGN_AGREEMENT, vars("agreementSigned", true, "prohibitedActsAcknowledged", true,
				Var.PERMITTED_HOURS, HOURS, Var.WASTE_REMOVAL, "SELF", Var.OPINION, "业主与装修公司已签字"));
		awaitTask(pid, Element.COLLECT_FEES);

		List<Map<String, Object>> bills = bills(unitId, number);
		assertThat(bills).extracting(b -> b.get("feeItemCode"))
			.containsExactlyInAnyOrder("DECORATION_DEPOSIT", "DECORATION_MANAGEMENT", "WORKER_PASS");
		BigDecimal fees = bills.stream().map(b -> new BigDecimal(b.get("amount").toString())).reduce(BigDecimal.ZERO,
				BigDecimal::add);
		assertThat(fees).as("deposit 3000.00 + management 500.00 + 2 passes × 10.00").isEqualByComparingTo("3520.00");
		assertThat(call("cashier", HttpMethod.POST, "/api/payments", "{\"idempotencyKey\":\"" + UUID.randomUUID()
				+ "\",\"unitId\":" + unitId + ",\"amount\":" + fees + ",\"method\":\"CASH\",\"billIds\":"
				+ bills.stream().map(b -> b.get("id").toString()).toList() + "}").getStatusCode()).isEqualTo(HttpStatus.OK);

		Task handOver = awaitTask(pid, Element.HAND_OVER_PERMIT);
		String permitNumber = jdbc.queryForObject("select permit_number from decoration where decoration_number = ?",
				String.class, number);
		assertThat(permitNumber).as("paid at the counter: the permit was issued by itself").matches("TXC-XK\\d{4}-\\d{4}");
		assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pid)
			.activityId(Element.PAID_AT_COUNTER).count()).isOne();
		String permitPage = WebSession.loggedIn(port, "receptionist").get("/decorations/" + number + "/permit").body();
		assertThat(permitPage).contains(permitNumber, unitNumber, HOURS, "闭水试验须工程部见证", permitNumber + "-02")
			.doesNotContain(DecorationRequests.CONTRACTOR_PHONE, "赵建军");
		StaffApi.work(rest, "receptionist", handOver.getId(), vars("permitHandedOver", true, "passesHandedOver", true));

		String complaint = (String) call("receptionist", HttpMethod.POST, "/api/cases", "{\"requestId\":\""
				+ UUID.randomUUID() + "\",\"type\":\"COMPLAINT\",\"unitNumber\":\"" + unitNumber + "\",\"contactName\":\"楼下邻居\","
				+ "\"channel\":\"PHONE\",\"category\":\"噪音扰民\",\"urgency\":\"NORMAL\",\"description\":\"楼上砸墙\"}")
			.getBody()
			.get("caseNumber");
		assertThat(call("guard", HttpMethod.POST, "/api/decorations/" + number + "/violations", "{\"source\":\"COMPLAINT\","
				+ "\"complaintCaseNumber\":\"" + complaint + "\",\"description\":\"拆除阳台与卧室间的墙体\",\"serious\":true,"
				+ "\"rectifyBy\":\"" + LocalDate.now().plusDays(2) + "\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		workTask("guard", pid, Element.DELIVER_STOP_ORDER, vars("stopOrderDelivered", true, Var.OPINION, "已送达，现场停工"));
		assertThat(status(number)).isEqualTo("STOPPED");
		assertThat(call("receptionist", HttpMethod.POST, "/api/decorations/" + number + "/completion-application", null)
			.getStatusCode()).as("no acceptance while a violation is open").isEqualTo(HttpStatus.CONFLICT);
		workTask("engineer", pid, Element.CHECK_RECTIFICATION, vars(Var.RECTIFICATION_RESULT, "RECTIFIED", Var.OPINION, "已砌回"));
		StaffApi.awaitJobs(managementService, pid);
		assertThat(status(number)).as("the works resume").isEqualTo("IN_PROGRESS");

		executeTimer(pid, Element.INSPECTION_DUE);
		workTask("engineer", pid, Element.INSPECT_SITE, vars("electricalOk", true, "plumbingOk", true, "wallsOk", true,
				"doorsWindowsOk", true, "fireSafetyOk", true, "wasteOk", false, "hoursOk", true, Var.INSPECTION_RESULT,
				"VIOLATION", Var.VIOLATION_DESCRIPTION, "装修垃圾堆放在楼道", Var.VIOLATION_SERIOUS, false,
				Var.RECTIFY_WITHIN_DAYS, 2, Var.INSPECTION_NOTES, "电气、防水正常"));
		awaitTask(pid, Element.CHECK_RECTIFICATION);
		executeTimer(pid, Element.RECTIFY_BY_PASSED);
		workTask("manager", pid, Element.DECIDE_VIOLATION, vars(Var.DEDUCTION_AMOUNT, "500.00", Var.REPORT_TO_AUTHORITY, true,
				Var.AUTHORITY_NAME, "区城市管理综合执法局", Var.REPORTED_ON, LocalDate.now().toString(), Var.REPORT_REFERENCE,
				"城执受〔2026〕118号", Var.OPINION, "逾期未清运，扣押金并上报"));
		StaffApi.awaitJobs(managementService, pid);

		LocalDate newEnd = LocalDate.now().plusDays(75);
		assertThat(call("receptionist", HttpMethod.POST, "/api/decorations/" + number + "/extension-requests",
				"{\"newEnd\":\"" + newEnd + "\",\"reason\":\"定制橱柜到货延迟\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		workTask("engineer", pid, Element.REVIEW_EXTENSION, vars(Var.EXTENSION_DECISION, "APPROVE", Var.OPINION, "同意延期"));
		StaffApi.awaitJobs(managementService, pid);
		assertThat(decoration(number)).containsEntry("permitEnd", newEnd.toString());

		assertThat(call("receptionist", HttpMethod.POST, "/api/decorations/" + number + "/completion-application", null)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		workTask("engineer", pid, Element.INSPECT_COMPLETION, vars(Var.ACCEPTANCE_RESULT, "PASSED", Var.OPINION, "验收合格"));
		StaffApi.awaitJobs(managementService, pid);
		assertThat(status(number)).isEqualTo("ACCEPTED");
		assertThat(call("receptionist", HttpMethod.POST, "/api/decorations/" + number + "/objections",
				"{\"description\":\"楼下反映卫生间顶棚有水渍\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		executeTimer(pid, Element.HOLD_PERIOD_ENDS);
		workTask("engineer", pid, Element.ASSESS_DEDUCTIONS, vars(Var.DAMAGE_AMOUNT, "120.50", Var.DAMAGE_DESCRIPTION,
				"电梯轿厢壁板划伤", Var.WASTE_REMOVAL_AMOUNT, "0", Var.PASSES_RETURNED, 2, Var.OPINION, "水渍系楼下自家管道，与装修无关"));
		awaitTask(pid, Element.REFUND_DEPOSIT);
		assertThat(runtimeService.getVariable(pid, Var.REFUND_TO_HAND_OVER)).as("the cashier's form states the money")
			.isEqualTo("押金 3000.00 元，扣款 620.50 元（违章未整改 500.00；公共部位损坏 120.50），应退还业主 2379.50 元");
		workTask("cashier", pid, Element.REFUND_DEPOSIT, vars(Var.REFUND_METHOD, "TRANSFER"));
		StaffApi.awaitJobs(managementService, pid);

		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
		assertThat(status(number)).isEqualTo("CLOSED");
		long depositBill = jdbc.queryForObject("""
				select b.id from bill b join fee_item f on f.id = b.fee_item_id where b.period = ? and f.code = 'DECORATION_DEPOSIT'""",
				Long.class, number);
		assertThat(jdbc.queryForObject("select sum(amount) from refund where bill_id = ?", BigDecimal.class, depositBill))
			.as("refund = 3000.00 − (500.00 + 120.50)").isEqualTo(new BigDecimal("2379.50"));
		assertThat(jdbc.queryForObject("select amount from bill where period = ?", BigDecimal.class, "YJ-" + depositBill))
			.isEqualTo(new BigDecimal("620.50"));
		assertThat(jdbc.queryForList("select kind || ' ' || amount from decoration_deduction d join decoration x on x.id = d.decoration_id where x.decoration_number = ? order by d.id",
				String.class, number)).containsExactly("VIOLATION 500.00", "DAMAGE 120.50");
		assertThat(balance(unitId)).as("the unit's ledger balances: what was paid came back, less what was deducted")
			.isEqualByComparingTo(balanceBefore);
		assertThat(decoration(number)).containsEntry("depositRefunded", 2379.50).containsEntry("statusLabel", "已结束，押金已退");
		String page = WebSession.loggedIn(port, "manager").get("/decorations/" + number).body();
		assertThat(page).contains("已退还押金", "2379.50", "违章未整改", "电梯轿厢壁板划伤", "城执受〔2026〕118号", "定制橱柜到货延迟",
				"楼下反映卫生间顶棚有水渍", "1101**********2034")
			.doesNotContain(DecorationRequests.WORKER_ID);
		assertThat(jdbc.queryForList("""
				select d.number from archive_document d join owner_archive a on a.id = d.archive_id
				 where a.unit_id = ? and d.type = '装修许可证（存根）'""", String.class, unitId)).containsExactly(permitNumber);

		for (String secret : new String[] { DecorationRequests.WORKER_ID, DecorationRequests.OTHER_WORKER_ID,
				DecorationRequests.APPLICANT_PHONE, DecorationRequests.CONTRACTOR_PHONE }) {
			assertThat(EngineTables.columnsContaining(dataSource, secret)).as("%s in the engine's tables", secret).isEmpty();
		}
		assertThat(EngineTables.columnsContaining(dataSource, number)).as("the search finds what is there").isNotEmpty();
	}

	@Test
	void shouldRefuseABadApplicationWithAClearAnswerAndCreateNothing() {
		Map<String, Object> unit = DecorationRequests.freshUnit(jdbc, "3-1-");
		String unitNumber = (String) unit.get("number");
		String owner = (String) unit.get("owner_name");
		String good = DecorationRequests.application(UUID.randomUUID().toString(), unitNumber, owner, List.of());
		LocalDate start = LocalDate.now().plusDays(1);
		int decorations = count("select count(*) from decoration");
		long instances = historyService.createHistoricProcessInstanceQuery()
			.processDefinitionKey(DecorationApprovalProcess.KEY)
			.count();

		refused(good.replace(unitNumber, "9-9-9999"), HttpStatus.UNPROCESSABLE_ENTITY, "没有房号");
		refused(good.replace("\"plannedEnd\":\"" + start.plusDays(60), "\"plannedEnd\":\"" + start.minusDays(1)),
				HttpStatus.BAD_REQUEST, "竣工日期不能早于开工日期");
		refused(good.replace("\"plannedStart\":\"" + start, "\"plannedStart\":\"" + start.minusDays(5)), HttpStatus.BAD_REQUEST,
				"开工日期不能早于今天");
		refused(good.replace("\"scope\":[]", "\"scope\":[\"WATERPROOFING\",\"LOAD_BEARING_WALL\"]"),
				HttpStatus.UNPROCESSABLE_ENTITY, "第五条");
		refused(good.replace("\"scope\":[]", "\"scope\":[\"FACADE_CHANGE\"]"), HttpStatus.UNPROCESSABLE_ENTITY, "外立面");
		refused(good.replace("\"scope\":[]", "\"scope\":[\"SWIMMING_POOL\"]"), HttpStatus.BAD_REQUEST, "装修范围");
		refused(good.replace(DecorationRequests.WORKER_ID, "110101198506122035"), HttpStatus.BAD_REQUEST, "身份证号不正确");
		refused(good.replace(DecorationRequests.APPLICANT_PHONE, "12345"), HttpStatus.BAD_REQUEST, "申请人联系电话不正确");
		refused(good.replaceAll("\"contractor\":\\{[^}]*},", ""), HttpStatus.BAD_REQUEST, "装修企业");
		refused(good.replaceAll("\"workers\":\\[[^]]*],", ""), HttpStatus.BAD_REQUEST, "至少登记一名施工人员");
		refused(good.replace("\"applicantName\":\"" + owner, "\"applicantName\":\"路人甲"), HttpStatus.UNPROCESSABLE_ENTITY,
				"不是房屋");
		refused(good.replace("\"works\":\"", "\"extra\":1,\"works\":\""), HttpStatus.BAD_REQUEST, "格式不正确");
		assertThat(StaffApi.call(rest, "guard", HttpMethod.POST, "/api/decorations", good).getStatusCode())
			.as("only reception takes applications").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(count("select count(*) from decoration")).as("nothing created").isEqualTo(decorations);

		assertThat(call("receptionist", HttpMethod.POST, "/api/decorations", good).getStatusCode()).isEqualTo(HttpStatus.OK);
		refused(DecorationRequests.application(UUID.randomUUID().toString(), unitNumber, owner, List.of("ELECTRICAL_REWIRING")),
				HttpStatus.CONFLICT, "已有一份未结束的装修");
		assertThat(count("select count(*) from decoration")).isEqualTo(decorations + 1);
		assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(DecorationApprovalProcess.KEY)
			.count()).isEqualTo(instances + 1);
	}

	private void refused(String application, HttpStatus status, String detail) {
		ResponseEntity<Map<String, Object>> response = call("receptionist", HttpMethod.POST, "/api/decorations", application);
		assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
		assertThat(response.getBody().get("detail").toString()).contains(detail);
	}

	/** Makes the timer due now, as time would: runs its job. */
	private void executeTimer(String pid, String activityId) {
		managementService.executeJob(managementService.createJobQuery().processInstanceId(pid).activityId(activityId)
			.singleResult().getId());
		StaffApi.awaitJobs(managementService, pid);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> bills(long unitId, String number) {
		List<Map<String, Object>> bills = (List<Map<String, Object>>) call("cashier", HttpMethod.GET,
				"/api/units/" + unitId + "/account", null).getBody().get("bills");
		return bills.stream().filter(b -> number.equals(b.get("period"))).toList();
	}

	private Map<String, Object> decoration(String number) {
		return call("manager", HttpMethod.GET, "/api/decorations/" + number, null).getBody();
	}

	private BigDecimal balance(long unitId) {
		return jdbc.queryForObject("select coalesce(sum(amount), 0) from ledger_entry where unit_id = ?", BigDecimal.class,
				unitId);
	}

	private String status(String number) {
		return jdbc.queryForObject("select status from decoration where decoration_number = ?", String.class, number);
	}

	private int count(String sql) {
		return jdbc.queryForObject(sql, Integer.class);
	}

	private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, String body) {
		return StaffApi.call(rest, user, method, path, body);
	}

}
