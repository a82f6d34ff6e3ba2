package cn.tianxiacheng.servicecenter.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Certificates on the running application: the text holds only facts from the records (the
 * owner and the move-in date), a certificate the records do not support is refused before
 * anything is created, and the public page confirms a certificate with the right code (showing
 * no personal data) and not with a wrong one.
 */
@IntegrationTest
class AssistanceIntegrationTests extends IntegrationTestSupport {

	private static final Pattern CODE = Pattern.compile("[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}");

	@Test
	void shouldCertifyOnlyTheRecordsFactsAndVerifyWithTheRightCodeOnly() {
		Map<String, Object> owner = jdbc.queryForMap("""
				select u.number, o.name, o.move_in_date from owner o join unit u on u.id = o.unit_id
				 where u.status = 'OCCUPIED' and o.move_in_date is not null
				   and o.id = (select min(o2.id) from owner o2 join unit u2 on u2.id = o2.unit_id
				                where u2.status = 'OCCUPIED' and o2.move_in_date is not null and u2.number like '2-%')""");
		String unitNumber = (String) owner.get("number");
		String name = (String) owner.get("name");
		LocalDate movedIn = ((java.sql.Date) owner.get("move_in_date")).toLocalDate();

		ResponseEntity<Map<String, Object>> registered = register(unitNumber, name, "RESIDENCE");
		assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
		String number = (String) registered.getBody().get("requestNumber");
		String processInstanceId = (String) registered.getBody().get("processInstanceId");
		assertThat(number).matches("TXC-XZ-\\d{8}-\\d{4}");

		StaffApi.work(rest, "receptionist", task(processInstanceId),
				StaffApi.vars("requesterVerified", true, "opinion", "身份证与业主档案一致"));
		StaffApi.awaitJobs(managementService, processInstanceId);
		String body = jdbc.queryForObject(
				"select c.body from certificate c join assistance_request r on r.id = c.request_id where r.request_number = ?",
				String.class, number);
		assertThat(body).isEqualTo("兹证明：" + name + " 系天下城 " + unitNumber + " 房屋业主，自 "
				+ movedIn.format(DateTimeFormatter.ofPattern("yyyy年M月d日")) + " 入住，现实际居住于该房屋。\n特此证明。\n"
				+ "本证明用于办理子女入学，交天下城第一小学。");

		StaffApi.work(rest, "manager", task(processInstanceId), StaffApi.vars("sealApproved", true, "opinion", "同意用印"));
		StaffApi.awaitJobs(managementService, processInstanceId);
		String serial = jdbc.queryForObject("""
				select c.serial_number from certificate c join assistance_request r on r.id = c.request_id
				 where r.request_number = ?""", String.class, number);
		assertThat(serial).matches("TXC-ZM\\d{4}-\\d{6}");

		HttpResponse<String> print = WebSession.loggedIn(port, "receptionist").get("/assistance/" + number + "/certificate");
		assertThat(print.statusCode()).isEqualTo(200);
		assertThat(print.body()).contains(serial, name);
		Matcher code = CODE.matcher(print.body());
		assertThat(code.find()).as("the print shows the verification code").isTrue();

		WebSession anyone = new WebSession(port);
		HttpResponse<String> genuine = anyone.get("/public/certificates?number=" + serial + "&code=" + code.group());
		assertThat(genuine.statusCode()).isEqualTo(200);
		assertThat(genuine.body()).contains("证明真实有效", "实际居住证明", unitNumber, serial, "天下城物业服务中心")
			.doesNotContain(name);
		HttpResponse<String> typedLoosely = anyone
			.get("/public/certificates?number=" + serial.toLowerCase() + "&code=" + code.group().toLowerCase().replace("-", "+"));
		assertThat(typedLoosely.body()).contains("证明真实有效");
		String wrongCode = code.group().startsWith("0") ? "1" + code.group().substring(1) : "0" + code.group().substring(1);
		HttpResponse<String> forged = anyone.get("/public/certificates?number=" + serial + "&code=" + wrongCode);
		assertThat(forged.statusCode()).isEqualTo(200);
		assertThat(forged.body()).contains("未查到").doesNotContain("证明真实", unitNumber);
		assertThat(anyone.get("/public/certificates?number=ZM1999-000001&code=" + encode(code.group())).body())
			.contains("未查到");

		StaffApi.work(rest, "receptionist", task(processInstanceId), StaffApi.vars("opinion", "已交业主本人签收"));
		StaffApi.awaitJobs(managementService, processInstanceId);
		assertThat(jdbc.queryForObject("""
				select count(*) from archive_document d join owner_archive a on a.id = d.archive_id
				 join unit u on u.id = a.unit_id where u.number = ? and d.number = ?""", Integer.class, unitNumber, serial))
			.as("the copy is filed in the owner archive").isOne();
		assertThat(jdbc.queryForObject("select status from assistance_request where request_number = ?", String.class,
				number)).isEqualTo("HANDED_OVER");
	}

	@Test
	void shouldRefuseWhatTheRecordsDoNotShowAndBadInputCreatingNothing() {
		Map<String, Object> notMovedIn = jdbc.queryForMap("""
				select u.number, o.name from owner o join unit u on u.id = o.unit_id
				 where o.move_in_date is null and u.status <> 'OCCUPIED' and u.building_id in %s
				 order by o.id fetch first 1 rows only""".formatted(TIANXIACHENG_BUILDINGS));
		Map<String, Object> occupied = jdbc.queryForMap("""
				select u.number, o.name from owner o join unit u on u.id = o.unit_id
				 where u.status = 'OCCUPIED' and o.move_in_date is not null
				   and not exists (select 1 from payment p where p.unit_id = u.id) and u.building_id in %s
				 order by o.id fetch first 1 rows only""".formatted(TIANXIACHENG_BUILDINGS));
		int before = requests();

		ResponseEntity<Map<String, Object>> residence = register((String) notMovedIn.get("number"),
				(String) notMovedIn.get("name"), "RESIDENCE");
		assertThat(residence.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(residence.getBody().get("detail").toString()).contains("不能出具实际居住证明");
		ResponseEntity<Map<String, Object>> fees = register((String) occupied.get("number"), (String) occupied.get("name"),
				"FEES_PAID");
		assertThat(fees.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(fees.getBody().get("detail").toString()).contains("不能出具缴费证明");
		assertThat(register((String) occupied.get("number"), "冒名者", "RESIDENCE").getStatusCode())
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(register("9-9-999", "张三", "RESIDENCE").getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/assistance-requests",
				"{\"unitNumber\":\"1-1-101\",\"ownerName\":\"张三\",\"kind\":\"PASSPORT\",\"purpose\":\"OTHER\",\"addressee\":\"某处\"}")
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(register((String) occupied.get("number"), (String) occupied.get("name"), "DEVELOPER_DOCUMENTS")
			.getStatusCode()).as("which documents is required").isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(StaffApi.call(rest, "engineer", HttpMethod.POST, "/api/assistance-requests",
				body((String) occupied.get("number"), (String) occupied.get("name"), "HANDOVER")).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);

		WebSession reception = WebSession.loggedIn(port, "receptionist");
		HttpResponse<String> page = reception.submit("/assistance", "/assistance", "requestId=" + UUID.randomUUID()
				+ "&unitNumber=" + encode((String) notMovedIn.get("number")) + "&ownerName="
				+ encode((String) notMovedIn.get("name")) + "&kind=RESIDENCE&purpose=SCHOOL_ENROLMENT&addressee="
				+ encode("天下城第一小学"));
		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(page.body()).contains("不能出具实际居住证明");
		assertThat(requests()).as("nothing was created").isEqualTo(before);
	}

	@Test
	void shouldOpenTheAssistancePagesToTheirRolesOnly() {
		for (String user : new String[] { "receptionist", "manager", "director", "auditor" }) {
			assertThat(WebSession.loggedIn(port, user).get("/assistance").statusCode()).as(user).isEqualTo(200);
		}
		for (String user : new String[] { "cashier", "engineer", "guard", "cleaner" }) {
			assertThat(WebSession.loggedIn(port, user).get("/assistance").statusCode()).as(user).isEqualTo(403);
		}
		assertThat(new WebSession(port).get("/public/certificates").statusCode()).isEqualTo(200);
	}

	private ResponseEntity<Map<String, Object>> register(String unitNumber, String ownerName, String kind) {
		return StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/assistance-requests",
				body(unitNumber, ownerName, kind));
	}

	private static String body(String unitNumber, String ownerName, String kind) {
		return "{\"requestId\":\"" + UUID.randomUUID() + "\",\"unitNumber\":\"" + unitNumber + "\",\"ownerName\":\""
				+ ownerName + "\",\"kind\":\"" + kind + "\",\"purpose\":\"SCHOOL_ENROLMENT\",\"addressee\":\"天下城第一小学\"}";
	}

	private String task(String processInstanceId) {
		return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
	}

	private int requests() {
		return jdbc.queryForObject("select count(*) from assistance_request", Integer.class);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
