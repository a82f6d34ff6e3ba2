package cn.tianxiacheng.servicecenter.casework;

import static cn.tianxiacheng.servicecenter.StaffApi.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.OtherEstate;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.system.EstateTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Each estate sees only its own cases: another estate's staff asking for a 天下城 case by its number,
 * on every endpoint of cases, get the answer of a case that does not exist and learn nothing of it;
 * a 天下城 unit number is unknown to them when they register; the lists and their CSV keep to the estate.
 */
@IntegrationTest
class CaseEstateScopeIntegrationTests extends IntegrationTestSupport {

	private static final String TXC_CONTACT = "欧阳先生";

	@Autowired
	EstateTenants tenants;

	private OtherEstate other;

	private String tianxiachengCase;

	@BeforeEach
	void twoEstatesWithACaseEach() {
		other = OtherEstate.create(jdbc, tenants, identityService);
		tianxiachengCase = (String) register("receptionist", "1-1-601", UUID.randomUUID().toString()).getBody()
			.get("caseNumber");
	}

	@Test
	void shouldAnswerACaseOfAnotherEstateAsOneThatDoesNotExist() {
		ResponseEntity<Map<String, Object>> unknown = call(rest, other.manager(), HttpMethod.GET, "/api/cases/TS-19000101-0001", null);
		ResponseEntity<Map<String, Object>> asked = call(rest, other.manager(), HttpMethod.GET, "/api/cases/" + tianxiachengCase, null);
		assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND).isEqualTo(unknown.getStatusCode());
		assertThat(String.valueOf(asked.getBody())).doesNotContain("1-1-601", TXC_CONTACT, "阳台");

		WebSession reception = WebSession.loggedIn(port, other.receptionist());
		WebSession engineer = WebSession.loggedIn(port, other.engineer());
		WebSession cashier = WebSession.loggedIn(port, other.cashier());
		for (HttpResponse<String> answer : List.of(reception.get("/cases/" + tianxiachengCase),
				engineer.get("/cases/" + tianxiachengCase + "/work-order"),
				engineer.get("/cases/" + tianxiachengCase + "/photos/1"),
				reception.submit("/", "/cases/" + tianxiachengCase + "/contact-name", "name=冒名"),
				reception.submit("/", "/cases/" + tianxiachengCase + "/contact-phone", "phone=13900009999"),
				engineer.submit("/", "/cases/" + tianxiachengCase + "/arrival", ""),
				reception.submit("/", "/cases/" + tianxiachengCase + "/tasks/any/hand-on", "to="),
				cashier.submit("/", "/cases/" + tianxiachengCase + "/charges/1/correction",
						"requestId=" + UUID.randomUUID() + "&reason=错收&itemCode=&quantity="),
				engineer.submitMultipart("/", "/cases/" + tianxiachengCase + "/photos", Map.of("stage", "BEFORE"),
						List.of(new WebSession.FilePart("photos", "a.png", "image/png", new byte[] { 1 }))))) {
			assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(404);
			assertThat(answer.body()).doesNotContain("1-1-601", TXC_CONTACT, "阳台");
		}
		assertThat(jdbc.queryForObject("select contact_name from service_case where case_number = ?", String.class,
				tianxiachengCase)).isEqualTo(TXC_CONTACT);
		assertThat(jdbc.queryForObject("""
				select count(*) from repair_arrival a join service_case c on c.id = a.case_id where c.case_number = ?""",
				Integer.class, tianxiachengCase)).isZero();
	}

	@Test
	void shouldRefuseAUnitOfAnotherEstateAsAnUnknownOne() {
		ResponseEntity<Map<String, Object>> unknown = register(other.receptionist(), "77-7-777", UUID.randomUUID().toString());
		ResponseEntity<Map<String, Object>> theirs = register(other.receptionist(), "1-1-601", UUID.randomUUID().toString());

		assertThat(theirs.getStatusCode()).isEqualTo(unknown.getStatusCode());
		assertThat(theirs.getStatusCode().is4xxClientError()).isTrue();
		assertThat(String.valueOf(theirs.getBody())).contains("没有房号为“1-1-601”的房屋");
		assertThat(register("receptionist", other.units().get(0), UUID.randomUUID().toString()).getStatusCode())
			.isEqualTo(unknown.getStatusCode());
	}

	@Test
	void shouldRefuseAUnitOfAnotherEstateOnTasklistsStartForm() {
		ResponseEntity<Map<String, Object>> started = call(rest, other.receptionist(), HttpMethod.POST,
				"/engine-rest/process-definition/key/ComplaintProcess/submit-form",
				"{\"variables\":{\"unitNumber\":{\"value\":\"1-1-601\"},\"channel\":{\"value\":\"VISIT\"},"
						+ "\"category\":{\"value\":\"环境卫生\"},\"urgency\":{\"value\":\"NORMAL\"},"
						+ "\"description\":{\"value\":\"跨项目登记\"}}}");

		assertThat((String) started.getBody().get("message")).contains("没有房号为“1-1-601”的房屋");
		assertThat(jdbc.queryForObject("select count(*) from service_case where description = '跨项目登记'", Integer.class))
			.isZero();
	}

	@Test
	void shouldNotHandAnotherEstatesCaseBackForItsRequestId() {
		String requestId = UUID.randomUUID().toString();
		register("receptionist", "1-1-602", requestId);

		ResponseEntity<Map<String, Object>> retried = register(other.receptionist(), other.units().get(0), requestId);

		assertThat(String.valueOf(retried.getBody())).doesNotContain("1-1-602", "caseNumber=" + tianxiachengCase);
		assertThat(jdbc.queryForObject("select count(*) from service_case where request_id = ?", Integer.class, requestId))
			.isOne();
	}

	@Test
	void shouldListOnlyTheEstatesOwnCases() {
		String ours = (String) register(other.receptionist(), other.units().get(1), UUID.randomUUID().toString()).getBody()
			.get("caseNumber");
		WebSession theirManager = WebSession.loggedIn(port, other.manager());
		WebSession manager = WebSession.loggedIn(port, "manager");

		assertThat(theirManager.get("/cases").body()).contains(ours).doesNotContain(tianxiachengCase);
		assertThat(theirManager.get("/cases?format=csv").body()).contains(ours).doesNotContain(tianxiachengCase);
		assertThat(theirManager.get("/cases?unit=1-1-601").body()).doesNotContain(tianxiachengCase);
		assertThat(manager.get("/cases?unit=1-1-601").body()).contains(tianxiachengCase);
		assertThat(manager.get("/cases?unit=" + other.units().get(1)).body()).doesNotContain(ours);
		assertThat(call(rest, other.receptionist(), HttpMethod.GET, "/api/cases/my-latest", null).getBody())
			.containsEntry("caseNumber", ours);
		assertThat(call(rest, "receptionist", HttpMethod.GET, "/api/cases/my-latest", null).getBody())
			.doesNotContainEntry("caseNumber", ours);
	}

	private ResponseEntity<Map<String, Object>> register(String receptionist, String unit, String requestId) {
		return call(rest, receptionist, HttpMethod.POST, "/api/cases", "{\"requestId\":\"" + requestId
				+ "\",\"type\":\"SERVICE_REQUEST\",\"unitNumber\":\"" + unit + "\",\"contactName\":\"" + TXC_CONTACT
				+ "\",\"contactPhone\":\"13900001111\",\"channel\":\"PHONE\",\"category\":\"门窗维修\",\"urgency\":\"NORMAL\","
				+ "\"description\":\"阳台门关不严\"}");
	}

}
