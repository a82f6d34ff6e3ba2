package cn.tianxiacheng.servicecenter.trust;

import static cn.tianxiacheng.servicecenter.StaffApi.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.OpenTasks.OpenTask;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.fee.CaseFees;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A decoration's deposit leaves the hold only through the decoration's settlement: the cashier's
 * deposit refund refuses it, and the permit is not issued without it. The gate releases only a
 * pass shown with its check code: the sequential number alone changes nothing.
 */
@IntegrationTest
class HeldDepositAndGateCodeIntegrationTests extends DecisionTestSupport {

	@Autowired
	CaseFees caseFees;

	@Test
	void shouldRefuseToRefundADecorationDepositOutsideItsSettlement() {
		OpenTask decoration = openTasks.decoration();
		String number = billedDecoration(decoration);
		long unitId = unitOf(number);
		List<Long> bills = jdbc.queryForList("select id from bill where period = ?", Long.class, number);
		BigDecimal total = jdbc.queryForObject("select sum(amount) from bill where period = ?", BigDecimal.class, number);
		assertThat(pay(unitId, total.toPlainString(), bills).getStatusCode()).isEqualTo(HttpStatus.OK);
		long deposit = depositOf(number);

		for (String deduction : List.of("0", "1e3", "0.00")) {
			for (String user : List.of("cashier", "manager")) {
				ResponseEntity<Map<String, Object>> refused = StaffApi.call(rest, user, HttpMethod.POST,
						"/api/bills/" + deposit + "/deposit-refund",
						"{\"deduction\":" + deduction + ",\"reason\":\"业主要求提前退押金\",\"method\":\"CASH\"}");
				assertThat(refused.getStatusCode()).as("%s, deduction %s", user, deduction)
					.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
				assertThat(refused.getBody().get("detail").toString()).contains("退还装修押金");
			}
		}
		assertThat(jdbc.queryForObject("select count(*) from refund where bill_id = ?", Integer.class, deposit)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from reversal where bill_id = ?", Integer.class, deposit)).isZero();
		assertThat(caseFees.depositHeld(number, unitId)).isTrue();
	}

	@Test
	void shouldRefuseAnAmountWrittenWithAnExponent() {
		long unitId = jdbc.queryForObject("""
				select min(o.unit_id) from owner o join unit u on u.id = o.unit_id
				 where o.move_in_date is not null and u.building_id in %s""".formatted(TIANXIACHENG_BUILDINGS), Long.class);
		String caseNumber = "YJ-FE-" + UUID.randomUUID().toString().substring(0, 8);
		caseFees.issue(caseNumber, unitId, CaseFees.CaseFee.parse("DECORATION_DEPOSIT"), "test");
		long deposit = jdbc.queryForObject("select id from bill where period = ?", Long.class, caseNumber);
		assertThat(pay(unitId, "3000.00", List.of(deposit)).getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<Map<String, Object>> refused = StaffApi.call(rest, "cashier", HttpMethod.POST,
				"/api/bills/" + deposit + "/deposit-refund", "{\"deduction\":1e3,\"reason\":\"损坏墙面\",\"method\":\"CASH\"}");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("detail").toString()).contains("扣款");
		assertThat(jdbc.queryForObject("select count(*) from refund where bill_id = ?", Integer.class, deposit)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from reversal where bill_id = ?", Integer.class, deposit)).isZero();
	}

	@Test
	void shouldNotIssueAPermitWithNoDepositHeld() {
		OpenTask decoration = openTasks.decoration();
		String number = billedDecoration(decoration);
		long unitId = unitOf(number);
		long deposit = depositOf(number);
		assertThat(StaffApi.call(rest, "manager", HttpMethod.POST, "/api/bills/" + deposit + "/reversal",
				"{\"reason\":\"押金免收\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		List<Long> others = jdbc.queryForList("select id from bill where period = ? and id <> ?", Long.class, number,
				deposit);
		BigDecimal othersTotal = jdbc.queryForObject("select sum(amount) from bill where period = ? and id <> ?",
				BigDecimal.class, number, deposit);

		assertThat(pay(unitId, othersTotal.toPlainString(), others).getStatusCode()).isEqualTo(HttpStatus.OK);

		Job permit = awaitFailure(decoration.processInstanceId());
		assertThat(permit.getExceptionMessage()).contains("未收押金或押金已退还", "不能核发许可证");
		assertThat(jdbc.queryForObject("select permit_number from decoration where decoration_number = ?", String.class,
				number)).isNull();
	}

	@Test
	void shouldRefuseAPassShownWithoutItsCheckCode() {
		String passNumber = issuedPass();
		String signature = (String) StaffApi.call(rest, "receptionist", HttpMethod.GET, "/api/release-passes/" + passNumber,
				null).getBody().get("signature");

		for (String code : List.of("", "\"signature\":\"\",", "\"signature\":\"   \",")) {
			ResponseEntity<Map<String, Object>> release = StaffApi.call(rest, "guard", HttpMethod.POST, "/api/gate-checks",
					"{\"passNumber\":\"" + passNumber + "\"," + code + "\"gate\":\"东门\",\"released\":true}");
			assertThat(release.getStatusCode()).as("released with %s", code).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(release.getBody().get("detail").toString()).contains("校验码");
			ResponseEntity<Map<String, Object>> refusal = StaffApi.call(rest, "guard", HttpMethod.POST, "/api/gate-checks",
					"{\"passNumber\":\"" + passNumber + "\"," + code
							+ "\"gate\":\"东门\",\"released\":false,\"reason\":\"ITEMS_DIFFER\"}");
			assertThat(refusal.getStatusCode()).as("refused with %s", code).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(StaffApi.call(rest, "guard", HttpMethod.POST, "/api/gate/scans",
					"{\"passNumber\":\"" + passNumber + "\"," + code + "\"gate\":\"东门\"}").getStatusCode())
				.isEqualTo(HttpStatus.BAD_REQUEST);
		}
		assertThat(gateChecks(passNumber)).as("nothing recorded").isZero();
		assertThat(status(passNumber)).isEqualTo("ISSUED");

		ResponseEntity<Map<String, Object>> released = StaffApi.call(rest, "guard", HttpMethod.POST, "/api/gate-checks",
				"{\"passNumber\":\"" + passNumber + "\",\"signature\":\"" + signature
						+ "\",\"gate\":\"东门\",\"released\":true}");
		assertThat(released.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(status(passNumber)).isEqualTo("USED");
	}

	/** A decoration reviewed, its agreement signed and its fees billed, waiting for the cashier. */
	private String billedDecoration(OpenTask decoration) {
		String number = businessKey(decoration);
		StaffApi.work(rest, "receptionist", decoration.taskId(), vars("documentsResult", "COMPLETE", "opinion", "齐全"));
		StaffApi.work(rest, "engineer", task(decoration, "Task_EngineeringReview").getId(),
				vars("engineeringDecision", "APPROVE", "opinion", "同意"));
		StaffApi.awaitJobs(managementService, decoration.processInstanceId());
		StaffApi.work(rest, "receptionist", task(decoration, "Task_SignAgreement").getId(),
				vars("agreementSigned", true, "prohibitedActsAcknowledged", true, "permittedHours",
						"8:00–12:00，14:00–18:00；法定节假日不得进行产生噪音的施工", "wasteRemoval", "SELF"));
		StaffApi.awaitJobs(managementService, decoration.processInstanceId());
		assertThat(depositOf(number)).isPositive();
		return number;
	}

	/** An owner's pass, registered by one receptionist, reviewed by the other, issued. */
	private String issuedPass() {
		Map<String, Object> owner = jdbc.queryForMap("""
				select u.number, o.name from owner o join unit u on u.id = o.unit_id
				 where o.id = (select min(o2.id) + 3 from owner o2 join unit u2 on u2.id = o2.unit_id
				                where o2.move_in_date is not null and u2.building_id in %s)""".formatted(TIANXIACHENG_BUILDINGS));
		LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0);
		ResponseEntity<Map<String, Object>> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST,
				"/api/release-passes", """
						{"requestId":"%s","unitNumber":"%s","applicantKind":"OWNER","applicantName":"%s",
						 "applicantPhone":"13712345678","items":[{"name":"书桌","quantity":1}],
						 "validFrom":"%s","validTo":"%s","gate":"东门"}""".formatted(UUID.randomUUID(), owner.get("number"),
						owner.get("name"), now.minusHours(1), now.plusHours(4)));
		assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.OK);
		String instance = (String) registered.getBody().get("processInstanceId");
		StaffApi.awaitJobs(managementService, instance);
		Task review = taskService.createTaskQuery().processInstanceId(instance).singleResult();
		assertThat(StaffApi.call(rest, "receptionist", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/claim",
				"{\"userId\":\"receptionist\"}").getStatusCode()).as("four eyes").isEqualTo(HttpStatus.FORBIDDEN);
		StaffApi.work(rest, "receptionist2", review.getId(), vars("reviewResult", "APPROVE", "opinion", "同意"));
		StaffApi.awaitJobs(managementService, instance);
		String passNumber = (String) registered.getBody().get("passNumber");
		assertThat(status(passNumber)).isEqualTo("ISSUED");
		return passNumber;
	}

	private ResponseEntity<Map<String, Object>> pay(long unitId, String amount, List<Long> billIds) {
		return StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/payments", "{\"idempotencyKey\":\""
				+ UUID.randomUUID() + "\",\"unitId\":" + unitId + ",\"amount\":" + amount
				+ ",\"method\":\"CASH\",\"billIds\":" + billIds + "}");
	}

	private long depositOf(String number) {
		return jdbc.queryForObject("""
				select b.id from bill b join fee_item f on f.id = b.fee_item_id
				 where b.period = ? and f.kind = 'DEPOSIT'""", Long.class, number);
	}

	private long unitOf(String number) {
		return jdbc.queryForObject("select unit_id from decoration where decoration_number = ?", Long.class, number);
	}

	private Task task(OpenTask decoration, String taskKey) {
		return taskService.createTaskQuery().processInstanceId(decoration.processInstanceId()).taskDefinitionKey(taskKey)
			.singleResult();
	}

	private int gateChecks(String passNumber) {
		return jdbc.queryForObject(
				"select count(*) from gate_check c join release_pass p on p.id = c.pass_id where p.pass_number = ?",
				Integer.class, passNumber);
	}

	private String status(String passNumber) {
		return jdbc.queryForObject("select status from release_pass where pass_number = ?", String.class, passNumber);
	}

}
