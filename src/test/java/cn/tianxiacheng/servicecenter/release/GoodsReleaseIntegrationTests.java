package cn.tianxiacheng.servicecenter.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.tianxiacheng.servicecenter.EngineTables;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.estate.IdNumbers;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Goods release on the running application: a tenant's pass confirmed by the owner, reviewed,
 * issued and released at the gate by {@code guard} over the API; a second scan of it, and a pass
 * with a changed signature, are refused; two guards releasing it at the same moment release it
 * once; the gate page shows no phone or ID number; bad requests create nothing.
 */
@IntegrationTest
class GoodsReleaseIntegrationTests extends IntegrationTestSupport {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Test
	void shouldOfferAWindowThatStartsNowOnTheForm() {
		LocalDateTime before = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0);
		String form = WebSession.loggedIn(port, "receptionist").get("/release-passes/new").body();
		LocalDateTime after = LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
		Matcher from = Pattern.compile("name=\"validFrom\"[^>]*value=\"([^\"]+)\"")
			.matcher(form);
		assertThat(from.find()).as("the form offers a start").isTrue();
		LocalDateTime start = LocalDateTime.parse(from.group(1));
		assertThat(start).as("a pass issued now is valid at the gate now").isBetween(before, after);
	}

	@Test
	void shouldReleaseATenantsGoodsOnceAtTheGate() {
		Map<String, Object> tenant = aTenant();
		String requestId = UUID.randomUUID().toString();
		String body = request(requestId, (String) tenant.get("number"), "TENANT", (String) tenant.get("name"));
		ResponseEntity<Map<String, Object>> registered = call("receptionist", HttpMethod.POST, "/api/release-passes", body);
		assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.OK);
		String passNumber = (String) registered.getBody().get("passNumber");
		assertThat(passNumber).matches("TXC-FX-\\d{8}-\\d{4}");
		assertThat(call("receptionist", HttpMethod.POST, "/api/release-passes", body).getBody())
			.as("a retry returns the same pass").containsEntry("passNumber", passNumber);
		String instance = (String) registered.getBody().get("processInstanceId");

		StaffApi.awaitJobs(managementService, instance);
		StaffApi.work(rest, "receptionist", openTask(instance, GoodsReleaseProcess.Element.CONFIRM_WITH_OWNER),
				StaffApi.vars("ownerConfirmation", "PHONE", "opinion", "业主电话确认同意"));
		StaffApi.awaitJobs(managementService, instance);
		StaffApi.work(rest, "receptionist2", openTask(instance, GoodsReleaseProcess.Element.REVIEW_REQUEST),
				StaffApi.vars("reviewResult", "APPROVE", "opinion", "物品与申请一致"));
		StaffApi.awaitJobs(managementService, instance);

		Map<String, Object> issued = call("receptionist", HttpMethod.GET, "/api/release-passes/" + passNumber, null)
			.getBody();
		assertThat(issued).containsEntry("statusCode", "ISSUED");
		String signature = (String) issued.get("signature");
		assertThat(signature).matches("[0-9A-F]{20}");

		Map<String, Object> scanned = call("guard", HttpMethod.POST, "/api/gate/scans",
				"{\"passNumber\":\"" + passNumber + "\",\"signature\":\"" + signature + "\",\"gate\":\"东门\"}").getBody();
		assertThat(scanned).containsEntry("releasable", true).containsEntry("unitNumber", tenant.get("number"));
		assertThat(scanned.toString()).doesNotContain("13712345678", "11010519900307451X", (String) tenant.get("name"));

		String forged = signature.substring(0, 19) + (signature.endsWith("0") ? "1" : "0");
		ResponseEntity<Map<String, Object>> forgedCheck = decide(passNumber, forged);
		assertThat(forgedCheck.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(forgedCheck.getBody()).containsEntry("reason", "FORGED").containsEntry("released", false);

		ResponseEntity<Map<String, Object>> released = decide(passNumber, signature);
		assertThat(released.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(released.getBody()).containsEntry("released", true).containsEntry("checkedBy", "guard");

		ResponseEntity<Map<String, Object>> again = decide(passNumber, signature);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(again.getBody()).containsEntry("reason", "ALREADY_USED");

		assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
			.getEndActivityId()).isEqualTo(GoodsReleaseProcess.Element.GOODS_RELEASED);
		assertThat(jdbc.queryForList("select result from gate_check p join release_pass r on r.id = p.pass_id"
				+ " where r.pass_number = ? order by p.id", String.class, passNumber))
			.containsExactly("REFUSED", "RELEASED", "REFUSED");
		assertThat(rest.withBasicAuth("receptionist", "demo")
			.getForObject("/api/release-passes?unitId=" + tenant.get("id"), String.class))
			.as("the unit's passes").contains(passNumber);
	}

	@Test
	void shouldReleaseAPassOnceWhenTwoGuardsScanItAtTheSameMoment() throws Exception {
		String passNumber = issuedOwnersPass();
		String signature = (String) call("receptionist", HttpMethod.GET, "/api/release-passes/" + passNumber, null)
			.getBody()
			.get("signature");

		ExecutorService guards = Executors.newFixedThreadPool(2);
		List<Future<ResponseEntity<Map<String, Object>>>> answers = new ArrayList<>();
		try {
			Callable<ResponseEntity<Map<String, Object>>> release = () -> decide(passNumber, signature);
			answers.add(guards.submit(release));
			answers.add(guards.submit(release));
			List<HttpStatus> statuses = new ArrayList<>();
			for (Future<ResponseEntity<Map<String, Object>>> answer : answers) {
				statuses.add(HttpStatus.valueOf(answer.get().getStatusCode().value()));
			}
			assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
		}
		finally {
			guards.shutdown();
		}
		assertThat(jdbc.queryForObject("""
				select count(*) from gate_check c join release_pass p on p.id = c.pass_id
				 where p.pass_number = ? and c.result = 'RELEASED'""", Integer.class, passNumber)).isOne();
	}

	@Test
	void shouldShowTheGuardNoPhoneOrIdNumberOnTheGatePage() {
		String passNumber = issuedOwnersPass();
		Map<String, Object> pass = jdbc.queryForMap(
				"select applicant_name, applicant_phone from release_pass where pass_number = ?", passNumber);
		WebSession guard = WebSession.loggedIn(port, "guard");

		String signature = (String) call("receptionist", HttpMethod.GET, "/api/release-passes/" + passNumber, null)
			.getBody()
			.get("signature");
		String page = guard.submit("/gate", "/gate/scan", "gate=" + encode("东门") + "&passNumber=" + passNumber
				+ "&signature=" + signature).body();

		assertThat(page).contains(passNumber, "核对无误，放行").doesNotContain((String) pass.get("applicant_phone"),
				(String) pass.get("applicant_name"));
		assertThat(page).doesNotContainPattern("1[3-9]\\d{9}").doesNotContainPattern("\\d{17}[0-9X]");
		assertThat(WebSession.loggedIn(port, "receptionist").get("/gate").statusCode()).isEqualTo(403);
	}

	@Test
	void shouldRefuseBadRequestsAndCreateNothing() {
		Map<String, Object> tenant = aTenant();
		int before = jdbc.queryForObject("select count(*) from release_pass", Integer.class);

		ResponseEntity<Map<String, Object>> unknownUnit = call("receptionist", HttpMethod.POST, "/api/release-passes",
				request(UUID.randomUUID().toString(), "9-9-9999", "OWNER", "王伟"));
		assertThat(unknownUnit.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(unknownUnit.getBody().get("detail").toString()).contains("没有房号为“9-9-9999”的房屋");

		LocalDateTime now = LocalDateTime.now(SHANGHAI);
		ResponseEntity<Map<String, Object>> endBeforeStart = call("receptionist", HttpMethod.POST, "/api/release-passes",
				request(UUID.randomUUID().toString(), (String) tenant.get("number"), "TENANT", (String) tenant.get("name"))
					.replace("\"validTo\":\"" + now.plusHours(3).withNano(0).withSecond(0),
							"\"validTo\":\"" + now.minusHours(2).withNano(0).withSecond(0)));
		assertThat(endBeforeStart.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(endBeforeStart.getBody().get("detail").toString()).contains("结束时间必须晚于开始时间");

		ResponseEntity<Map<String, Object>> notTheOwner = call("receptionist", HttpMethod.POST, "/api/release-passes",
				request(UUID.randomUUID().toString(), (String) tenant.get("number"), "OWNER", "冒名顶替"));
		assertThat(notTheOwner.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

		ResponseEntity<Map<String, Object>> agentWithoutId = call("receptionist", HttpMethod.POST, "/api/release-passes",
				request(UUID.randomUUID().toString(), (String) tenant.get("number"), "AGENT", "搬家师傅")
					.replace("\"agentIdNumber\":\"11010519900307451X\",", ""));
		assertThat(agentWithoutId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(agentWithoutId.getBody().get("detail").toString()).contains("身份证号");

		assertThat(call("guard", HttpMethod.POST, "/api/release-passes",
				request(UUID.randomUUID().toString(), (String) tenant.get("number"), "TENANT", (String) tenant.get("name")))
			.getStatusCode()).as("the guard does not register passes").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(call("receptionist", HttpMethod.POST, "/api/gate-checks",
				"{\"passNumber\":\"FX-20260101-0001\",\"gate\":\"东门\",\"released\":true}").getStatusCode())
			.as("only the guard checks at the gate").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(jdbc.queryForObject("select count(*) from release_pass", Integer.class)).isEqualTo(before);

		ResponseEntity<Map<String, Object>> unknownPass = decide("FX-19990101-0001", "0123456789ABCDEF0123");
		assertThat(unknownPass.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(unknownPass.getBody()).containsEntry("reason", "UNKNOWN");
	}

	@Test
	void shouldKeepAnAgentsIdNumberAndPhoneOutOfTheEngine() throws Exception {
		Map<String, Object> owner = jdbc.queryForMap("""
				select u.number from owner o join unit u on u.id = o.unit_id
				 where o.id = (select min(o2.id) + 11 from owner o2 join unit u2 on u2.id = o2.unit_id
				                where o2.move_in_date is not null and u2.building_id in %s)""".formatted(TIANXIACHENG_BUILDINGS));
		String phone = "13698760" + (100 + (int) (System.nanoTime() % 900));
		String idNumber = validIdNumber("44010619851224" + (100 + (int) (System.nanoTime() % 900)));
		String body = request(UUID.randomUUID().toString(), (String) owner.get("number"), "AGENT", "搬家师傅")
			.replace("13712345678", phone)
			.replace("11010519900307451X", idNumber);
		ResponseEntity<Map<String, Object>> registered = call("receptionist", HttpMethod.POST, "/api/release-passes", body);
		assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.OK);
		String instance = (String) registered.getBody().get("processInstanceId");
		StaffApi.awaitJobs(managementService, instance);
		StaffApi.work(rest, "receptionist", openTask(instance, GoodsReleaseProcess.Element.CONFIRM_WITH_OWNER),
				StaffApi.vars("ownerConfirmation", "WRITTEN", "opinion", "授权书已收存"));
		StaffApi.awaitJobs(managementService, instance);
		StaffApi.work(rest, "receptionist2", openTask(instance, GoodsReleaseProcess.Element.REVIEW_REQUEST),
				StaffApi.vars("reviewResult", "APPROVE", "opinion", "同意"));
		StaffApi.awaitJobs(managementService, instance);
		String passNumber = (String) registered.getBody().get("passNumber");
		assertThat(decide(passNumber, (String) call("receptionist", HttpMethod.GET, "/api/release-passes/" + passNumber, null)
			.getBody()
			.get("signature")).getStatusCode()).isEqualTo(HttpStatus.OK);

		assertThat(EngineTables.columnsContaining(dataSource, phone)).as("the phone in Camunda's tables").isEmpty();
		assertThat(EngineTables.columnsContaining(dataSource, idNumber)).as("the ID number in Camunda's tables").isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from release_pass where agent_id_number = ? and applicant_phone = ?",
				Integer.class, idNumber, phone)).as("both in the app's own table").isOne();
	}

	/** The 17 digits with the check character that makes them a valid ID number. */
	private static String validIdNumber(String first17) {
		for (char check : "0123456789X".toCharArray()) {
			if (IdNumbers.isValid(first17 + check)) {
				return first17 + check;
			}
		}
		throw new AssertionError("no check character for " + first17);
	}

	/** An owner's pass, reviewed and issued. */
	private String issuedOwnersPass() {
		Map<String, Object> owner = jdbc.queryForMap("""
				select u.number, o.name from owner o join unit u on u.id = o.unit_id
				 where o.id = (select min(o2.id) from owner o2 join unit u2 on u2.id = o2.unit_id
				                where o2.move_in_date is not null and u2.building_id in %s)""".formatted(TIANXIACHENG_BUILDINGS));
		ResponseEntity<Map<String, Object>> registered = call("receptionist", HttpMethod.POST, "/api/release-passes",
				request(UUID.randomUUID().toString(), (String) owner.get("number"), "OWNER", (String) owner.get("name")));
		assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.OK);
		String instance = (String) registered.getBody().get("processInstanceId");
		StaffApi.awaitJobs(managementService, instance);
		StaffApi.work(rest, "receptionist2", openTask(instance, GoodsReleaseProcess.Element.REVIEW_REQUEST),
				StaffApi.vars("reviewResult", "APPROVE", "opinion", "同意"));
		StaffApi.awaitJobs(managementService, instance);
		return (String) registered.getBody().get("passNumber");
	}

	private ResponseEntity<Map<String, Object>> decide(String passNumber, String signature) {
		return call("guard", HttpMethod.POST, "/api/gate-checks", "{\"passNumber\":\"" + passNumber
				+ "\",\"signature\":\"" + signature + "\",\"gate\":\"东门\",\"released\":true}");
	}

	private Map<String, Object> aTenant() {
		return jdbc.queryForMap("""
				select u.id, u.number, t.name from tenant t join unit u on u.id = t.unit_id
				 where t.id = (select min(t2.id) from tenant t2 join unit u2 on u2.id = t2.unit_id where u2.building_id in %s)"""
			.formatted(TIANXIACHENG_BUILDINGS));
	}

	private String request(String requestId, String unitNumber, String kind, String name) {
		LocalDateTime now = LocalDateTime.now(SHANGHAI);
		return """
				{"requestId":"%s","unitNumber":"%s","applicantKind":"%s","applicantName":"%s",
				 "applicantPhone":"13712345678","agentIdNumber":"11010519900307451X","agentCompany":"顺达搬家",
				 "moveOut":false,"items":[{"name":"双人沙发","quantity":1,"note":"灰色布艺"},{"name":"纸箱","quantity":12}],
				 "validFrom":"%s","validTo":"%s","vehiclePlate":"冀A12345","gate":"东门"}""".formatted(requestId,
				unitNumber, kind, name, now.minusHours(1).withNano(0).withSecond(0),
				now.plusHours(3).withNano(0).withSecond(0));
	}

	private String openTask(String instance, String taskKey) {
		Task task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
		assertThat(task).as("open task %s", taskKey).isNotNull();
		return task.getId();
	}

	private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, String body) {
		return StaffApi.call(rest, user, method, path, body);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
