package cn.tianxiacheng.servicecenter.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.OpenTasks;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.TestPhotos;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.WebSession.FilePart;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;

/**
 * The small edges of input, each tried as an attack: a duplicated JSON key, control characters
 * in names and texts (on {@code /api}, the pages and the engine's forms), absurd dates, an ID
 * number born in 2099, a 9 MB comment, a start that skips listeners, a NUL in an upload's
 * name, a text body or a fraction where JSON and a whole number are asked. Each is a 4xx in
 * Chinese naming the field, and nothing is stored.
 */
@IntegrationTest
class EdgeInputIntegrationTests extends IntegrationTestSupport {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	OpenTasks openTasks;

	@Test
	void shouldTitleEveryApiProblemInChinese() {
		ResponseEntity<String> unknown = rest.withBasicAuth("receptionist", "demo")
			.getForEntity("/api/cases/TXC-TS-20001231-9999", String.class);
		assertThat(unknown.getStatusCode().value()).isEqualTo(404);
		assertThat(unknown.getBody()).contains("\"title\":\"未找到\"");
		ResponseEntity<String> badJson = post("receptionist", "/api/cases", "{\"requestId\":");
		assertThat(badJson.getStatusCode().value()).isEqualTo(400);
		assertThat(badJson.getBody()).contains("\"title\":\"请求内容有误\"");
		ResponseEntity<String> wrongMethod = rest.withBasicAuth("receptionist", "demo")
			.exchange("/api/cases", HttpMethod.DELETE, null, String.class);
		assertThat(wrongMethod.getStatusCode().value()).isEqualTo(405);
		assertThat(wrongMethod.getBody()).contains("\"title\":\"不支持该请求方法\"", "\"detail\":\"不支持该请求方法\"");
		for (ResponseEntity<String> answer : List.of(unknown, badJson, wrongMethod)) {
			assertThat(answer.getBody()).doesNotContain("Not Found", "Bad Request", "Method Not Allowed", "not supported");
		}
	}

	@Test
	void shouldRefuseADuplicatedJsonKeyNamingIt() {
		int notices = count("notice");
		ResponseEntity<String> notice = post("manager", "/api/notices", notice(UUID.randomUUID().toString())
			.replace("\"title\":\"停水通知\"", "\"title\":\"停水通知\",\"title\":\"恢复供水\""));
		assertRefused(notice, 400, "title");
		ResponseEntity<String> payment = post("cashier", "/api/payments",
				"{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"unitId\":1,\"amount\":10,\"amount\":999999,\"method\":\"CASH\"}");
		assertRefused(payment, 400, "amount");
		assertThat(count("notice")).isEqualTo(notices);
	}

	@Test
	void shouldRefuseControlCharactersInApiTextNamingTheField() {
		int cases = count("service_case");
		for (String evil : new String[] { "王\u0000先生", "王先生\u202Egnp.exe", "王\u0007先生", "王\u2028先生" }) {
			assertRefused(post("receptionist", "/api/cases", aCase(UUID.randomUUID().toString(), evil, "水龙头漏水")), 400,
					"contactName");
		}
		assertRefused(post("receptionist", "/api/cases", aCase(UUID.randomUUID().toString(), "王先生", "漏水\u0000")), 400,
				"description");
		assertThat(count("service_case")).isEqualTo(cases);
		ResponseEntity<String> multiLine = post("receptionist", "/api/cases",
				aCase(UUID.randomUUID().toString(), "王先生", "厨房漏水\\n卫生间也漏\\t急"));
		assertThat(multiLine.getStatusCode().value()).as(multiLine.getBody()).isEqualTo(200);
	}

	@Test
	void shouldRefuseControlCharactersInPageFormsAndEngineForms() {
		WebSession reception = WebSession.loggedIn(port, "receptionist");
		int notices = count("notice");
		LocalDate today = LocalDate.now(SHANGHAI);
		HttpResponse<String> page = reception.submit("/notices", "/notices", "requestId=" + UUID.randomUUID()
				+ "&title=%E5%81%9C%E6%B0%B4%00&body=x&validFrom=" + today + "&validTo=" + today.plusDays(1));
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("title", "控制字符");
		assertThat(count("notice")).isEqualTo(notices);

		OpenTasks.OpenTask task = openTasks.complaint();
		assertThat(StaffApi.call(rest, task.user(), HttpMethod.POST, "/engine-rest/task/" + task.taskId() + "/claim",
				"{\"userId\":\"" + task.user() + "\"}").getStatusCode().value()).isEqualTo(204);
		ResponseEntity<Map<String, Object>> form = StaffApi.call(rest, task.user(), HttpMethod.POST,
				"/engine-rest/task/" + task.taskId() + "/variables",
				"{\"modifications\":{\"opinion\":{\"value\":\"已致电\u202E业主\",\"type\":\"String\"}}}");
		assertThat(form.getStatusCode().value()).as("%s", form.getBody()).isEqualTo(400);
		assertThat(form.getBody().get("message").toString()).contains("控制字符");
		assertThat(runtimeService.getVariable(task.processInstanceId(), "opinion")).isNull();
	}

	@Test
	void shouldRefuseAbsurdDatesAndIdNumbersBornInTheFuture() {
		int notices = count("notice");
		ResponseEntity<String> farFuture = post("manager", "/api/notices", notice(UUID.randomUUID().toString())
			.replaceFirst("\"validTo\":\"[^\"]+\"", "\"validTo\":\"+339983-01-01\""));
		assertRefused(farFuture, 400, "validTo");
		ResponseEntity<String> longAgo = post("manager", "/api/notices", notice(UUID.randomUUID().toString())
			.replaceFirst("\"validFrom\":\"[^\"]+\"", "\"validFrom\":\"0001-01-01\""));
		assertRefused(longAgo, 400, "validFrom");
		assertThat(count("notice")).isEqualTo(notices);
		ResponseEntity<String> query = rest.withBasicAuth("manager", "demo")
			.getForEntity(URI.create(rest.getRootUri() + "/api/audit/cases?from=%2B339983-01-01&to=2026-01-01"), String.class);
		assertRefused(query, 400, "from");

		String bornIn2099 = withCheckCharacter("11010520990101123");
		int moveIns = count("move_in");
		String unit = "1-1-101";
		ResponseEntity<String> moveIn = post("receptionist", "/api/move-ins", """
				{"requestId":"%s","unitNumber":"%s","contractNumber":"HT-2099","owners":[{"name":"未来人","idNumber":"%s",
				 "phone":"13812345678"}]}""".formatted(UUID.randomUUID(), unit, bornIn2099));
		assertThat(moveIn.getStatusCode().value()).as(moveIn.getBody()).isBetween(400, 422);
		assertThat(moveIn.getBody()).contains("身份证号");
		assertThat(count("move_in")).isEqualTo(moveIns);
	}

	@Test
	void shouldBoundCommentsAndRequestBodies() {
		OpenTasks.OpenTask task = openTasks.complaint();
		String comment = "/engine-rest/task/" + task.taskId() + "/comment/create";
		try {
			ResponseEntity<String> nineMegabytes = post(task.user(), comment,
					"{\"message\":\"" + "长".repeat(3_000_000) + "\"}");
			assertThat(nineMegabytes.getStatusCode().value()).isEqualTo(413);
		}
		catch (ResourceAccessException closedBeforeTheRest) {
			// refused before the body was read: the server stops taking the rest of it
		}
		ResponseEntity<String> tooLarge = post(task.user(), comment, "{\"message\":\"" + "长".repeat(1_500_000) + "\"}");
		assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
		assertThat(tooLarge.getBody()).contains("请求内容过大");
		ResponseEntity<String> long_ = post(task.user(), comment, "{\"message\":\"" + "长".repeat(2001) + "\"}");
		assertThat(long_.getStatusCode().value()).as(long_.getBody()).isEqualTo(400);
		assertThat(long_.getBody()).contains("备注", "2000");
		assertRefusedEngine(post(task.user(), comment, "{\"message\":\"好\\u0000\"}"), 400, "控制字符");
		ResponseEntity<String> notJson = post(task.user(), comment, "{\"message\":\"好\u0000\"}");
		assertThat(notJson.getStatusCode().value()).isEqualTo(400);
		assertThat(notJson.getBody()).containsPattern("\\p{IsHan}").doesNotContain("Illegal");
		assertThat(taskService.getTaskComments(task.taskId())).isEmpty();
		assertThat(post(task.user(), comment, "{\"message\":\"已电话联系业主\"}").getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void shouldRefuseAStartThatSkipsListenersOrMappings() {
		long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("ComplaintProcess").count();
		for (String skip : new String[] { "skipCustomListeners", "skipIoMappings" }) {
			String body = StaffApi.completion(StaffApi.vars("unitNumber", "1-1-102", "contactName", "钱女士", "channel",
					"PHONE", "category", "服务态度", "urgency", "NORMAL", "description", "跳过监听器"))
				.replaceFirst("\\{", "{\"" + skip + "\":true,");
			ResponseEntity<String> started = post("receptionist", "/engine-rest/process-definition/key/ComplaintProcess/start",
					body);
			assertThat(started.getStatusCode().value()).as("%s: %s", skip, started.getBody()).isEqualTo(400);
			assertThat(started.getBody()).contains("跳过");
		}
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("ComplaintProcess").count())
			.isEqualTo(before);
	}

	@Test
	void shouldRefuseAControlCharacterInAnUploadsNameAndDropItsFolders() {
		WebSession reception = WebSession.loggedIn(port, "receptionist");
		String requestId = UUID.randomUUID().toString();
		LocalDate today = LocalDate.now(SHANGHAI);
		HttpResponse<String> planned = reception.submit("/activities", "/activities", "requestId=" + requestId
				+ "&title=%E8%8C%B6%E8%AF%9D%E4%BC%9A&heldOn=" + today + "&place=%E4%BC%9A%E6%89%80&plan=x&audience=x"
				+ "&expectedParticipants=10&budget=100.00");
		assertThat(planned.statusCode()).as(planned.body()).isEqualTo(302);
		String number = jdbc.queryForObject("select activity_number from community_activity where request_id = ?",
				String.class, requestId);
		byte[] png = TestPhotos.image("png", Color.BLACK);
		HttpResponse<String> nul = reception.submitMultipart("/activities/" + number, "/activities/" + number + "/summary",
				Map.of("summary", "很好", "actualParticipants", "10", "actualCost", "90.00"),
				List.of(new FilePart("photos", "合影\u0000.php.png", "image/png", png)));
		assertThat(nul.statusCode()).isEqualTo(400);
		assertThat(nul.body()).contains("文件名");
		assertThat(jdbc.queryForObject("""
				select count(*) from record_photo p where p.record_kind = 'ACTIVITY' and p.record_key = ?""", Integer.class, number)).isZero();

		HttpResponse<String> folders = reception.submitMultipart("/activities/" + number,
				"/activities/" + number + "/summary",
				Map.of("summary", "很好", "actualParticipants", "10", "actualCost", "90.00"),
				List.of(new FilePart("photos", "../../etc/合影.png", "image/png", png)));
		assertThat(folders.statusCode()).as(folders.body()).isEqualTo(302);
		assertThat(jdbc.queryForObject("""
				select p.file_name from record_photo p where p.record_kind = 'ACTIVITY' and p.record_key = ?""", String.class, number)).isEqualTo("合影.png");
	}

	@Test
	void shouldAnswerATextBodyAndAFractionInChineseNamingTheField() {
		HttpHeaders text = new HttpHeaders();
		text.setContentType(MediaType.TEXT_PLAIN);
		ResponseEntity<String> plain = rest.withBasicAuth("manager", "demo").exchange("/api/notices", HttpMethod.POST,
				new HttpEntity<>(notice(UUID.randomUUID().toString()), text), String.class);
		assertThat(plain.getStatusCode().value()).isEqualTo(415);
		assertThat(plain.getBody()).contains("JSON").containsPattern("\\p{IsHan}");

		ResponseEntity<String> fraction = post("cashier", "/api/payments",
				"{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"unitId\":1.5,\"amount\":10,\"method\":\"CASH\"}");
		assertRefused(fraction, 400, "unitId");
		assertThat(fraction.getBody()).contains("整数");
		ResponseEntity<String> badMethod = post("cashier", "/api/payments",
				"{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"unitId\":1,\"amount\":10,\"method\":\"GOLD\"}");
		assertRefused(badMethod, 400, "支付方式");
	}

	@Test
	void shouldTakeAReleasePassFromThePageWithOneItemAnEmptyNoteAndCommasInAName() {
		Map<String, Object> owner = jdbc.queryForMap("""
				select u.number, o.name from unit u join owner o on o.unit_id = u.id
				 where o.id = (select min(o2.id) from owner o2 where o2.unit_id = u.id)
				   and u.building_id in (select b.id from building b join estate e on e.id = b.estate_id where e.code = 'TXC')
				 order by u.id desc offset 11 rows fetch first 1 rows only""");
		java.time.LocalDateTime now = java.time.LocalDateTime.now(SHANGHAI).withSecond(0).withNano(0);
		String requestId = UUID.randomUUID().toString();
		String fields = "requestId=" + requestId + "&unitNumber=" + owner.get("number") + "&applicantKind=OWNER&applicantName="
				+ java.net.URLEncoder.encode((String) owner.get("name"), java.nio.charset.StandardCharsets.UTF_8)
				+ "&applicantPhone=13712345678&itemName=%E6%A1%8C%E5%AD%90%2C%E6%A4%85%E5%AD%90&itemQuantity=2&itemNote="
				+ "&validFrom=" + now.minusHours(1) + "&validTo=" + now.plusHours(2) + "&gate=%E4%B8%9C%E9%97%A8";
		WebSession reception = WebSession.loggedIn(port, "receptionist");
		HttpResponse<String> registered = reception.submit("/release-passes/new", "/release-passes", fields);
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
		assertThat(jdbc.queryForList("""
				select i.name from release_item i join release_pass p on p.id = i.pass_id where p.request_id = ?""",
				String.class, requestId)).containsExactly("桌子,椅子");

		String misalignedId = UUID.randomUUID().toString();
		HttpResponse<String> misaligned = reception.submit("/release-passes/new", "/release-passes",
				fields.replace(requestId, misalignedId).replace("&itemQuantity=2", "&itemQuantity=2&itemQuantity=3"));
		assertThat(misaligned.statusCode()).as("the form again, with the reason").isEqualTo(400);
		assertThat(misaligned.body()).contains("逐行对应");
		assertThat(jdbc.queryForObject("select count(*) from release_pass where request_id = ?", Integer.class,
				misalignedId)).isZero();
	}

	private void assertRefused(ResponseEntity<String> refused, int status, String field) {
		assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(status);
		assertThat(refused.getBody()).contains(field).containsPattern("\\p{IsHan}").doesNotContain("Exception");
	}

	private void assertRefusedEngine(ResponseEntity<String> refused, int status, String words) {
		assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(status);
		assertThat(refused.getBody()).contains(words);
	}

	private ResponseEntity<String> post(String user, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
				String.class);
	}

	private static String notice(String requestId) {
		LocalDate today = LocalDate.now(SHANGHAI);
		return "{\"requestId\":\"" + requestId + "\",\"title\":\"停水通知\",\"body\":\"明日停水\",\"buildings\":[1],"
				+ "\"validFrom\":\"" + today + "\",\"validTo\":\"" + today.plusDays(1) + "\"}";
	}

	private static String aCase(String requestId, String contactName, String description) {
		return """
				{"requestId":"%s","type":"SERVICE_REQUEST","unitNumber":"1-1-101","contactName":"%s",
				 "contactPhone":"13812345678","channel":"PHONE","category":"水电维修","urgency":"NORMAL","description":"%s"}"""
			.formatted(requestId, json(contactName), json(description));
	}

	private static String json(String text) {
		StringBuilder escaped = new StringBuilder();
		text.chars().forEach(c -> escaped.append(c < 0x20 || c > 0x7e ? "\\u%04x".formatted(c) : String.valueOf((char) c)));
		return escaped.toString();
	}

	private static String withCheckCharacter(String first17) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	private int count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

}
