package cn.tianxiacheng.servicecenter;

import static cn.tianxiacheng.servicecenter.StaffApi.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.tianxiacheng.servicecenter.system.EstateTenants;

/**
 * The estate's services to its households (parking leases and the waiting list, goods passes,
 * decorations, move-ins, assistance and certificates) are sealed: staff of another estate asking
 * for 天下城's by number or id, to read or to act, get what an unknown one gets and learn nothing
 * of it; a unit of 天下城 is unknown to them; lists show each estate its own.
 */
@IntegrationTest
class ServiceEstateBoundaryIntegrationTests extends IntegrationTestSupport {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@Autowired
	EstateTenants tenants;

	@Autowired
	OpenTasks openTasks;

	private OtherEstate other;

	@BeforeEach
	void anotherEstate() {
		other = OtherEstate.create(jdbc, tenants, identityService);
	}

	@Test
	void shouldSealParkingLeasesAndTheWaitingListPerEstate() {
		String lease = businessKey(openTasks.parkingLease().processInstanceId());
		Map<String, Object> ours = jdbc.queryForMap("""
				select u.number as unit_number, l.lessee_name, s.number as space_number from parking_lease l
				  join unit u on u.id = l.unit_id join parking_space s on s.id = l.space_id where l.lease_number = ?""",
				lease);
		String b = other.receptionist();

		assertNotFound(call(rest, b, HttpMethod.GET, "/api/parking-leases/" + lease, null), ours);
		assertNotFound(call(rest, b, HttpMethod.POST, "/api/parking-leases/" + lease + "/renewals", "{\"months\":1}"), ours);
		assertNotFound(call(rest, b, HttpMethod.POST, "/api/parking-leases/" + lease + "/termination",
				"{\"lastDay\":\"" + TODAY + "\",\"reason\":\"越界退租\",\"method\":\"CASH\"}"), ours);
		assertNotFound(call(rest, b, HttpMethod.POST, "/api/parking-leases/" + lease + "/plates",
				"{\"plates\":[\"冀A12345\"]}"), ours);
		assertNotFound(call(rest, b, HttpMethod.POST, "/api/parking-leases/" + lease + "/transfer",
				"{\"spaceNumber\":\"" + ours.get("space_number") + "\"}"), ours);
		HttpResponse<String> page = WebSession.loggedIn(port, b).get("/parking/leases/" + lease);
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).doesNotContain((String) ours.get("lessee_name"));
		assertThat(jdbc.queryForObject("select status from parking_lease where lease_number = ?", String.class, lease))
			.isEqualTo("APPLIED");

		assertThat(body(b, "/api/parking-leases")).doesNotContain(lease);
		assertThat(body(b, "/api/parking-spaces")).doesNotContain((String) ours.get("space_number"));
		assertThat(WebSession.loggedIn(port, b).get("/parking").body()).doesNotContain((String) ours.get("space_number"));
		assertThat(body("receptionist", "/api/parking-spaces")).contains((String) ours.get("space_number"));

		ResponseEntity<Map<String, Object>> applied = call(rest, b, HttpMethod.POST, "/api/parking-leases", """
				{"requestId":"%s","unitNumber":"%s","lesseeKind":"OWNER","lesseeName":"%s","lesseePhone":"13812345678",
				 "spaceNumber":"%s","plates":["冀A12345"],"startDate":"%s","months":12,"paymentPlan":"PREPAID"}"""
			.formatted(UUID.randomUUID(), ours.get("unit_number"), ours.get("lessee_name"), ours.get("space_number"), TODAY));
		assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(String.valueOf(applied.getBody())).contains("没有房号为").doesNotContain((String) ours.get("lessee_name"));

		Map<String, Object> owner = jdbc.queryForMap("""
				select u.number, o.name from owner o join unit u on u.id = o.unit_id
				 where u.number = '1-1-101' order by o.id fetch first 1 rows only""");
		ResponseEntity<Map<String, Object>> waiting = call(rest, "receptionist", HttpMethod.POST, "/api/parking-waitlist",
				"{\"unitNumber\":\"1-1-101\",\"applicantKind\":\"OWNER\",\"applicantName\":\"" + owner.get("name")
						+ "\",\"applicantPhone\":\"13812345678\"}");
		assertThat(waiting.getStatusCode()).as(String.valueOf(waiting.getBody())).isEqualTo(HttpStatus.CREATED);
		long entry = ((Number) waiting.getBody().get("id")).longValue();
		assertThat(body(b, "/api/parking-waitlist")).doesNotContain("1-1-101");
		assertThat(body("receptionist", "/api/parking-waitlist")).contains("1-1-101");
		assertThat(call(rest, b, HttpMethod.POST, "/api/parking-waitlist/" + entry + "/withdrawal",
				"{\"reason\":\"越界撤回\"}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(jdbc.queryForObject("select status from parking_waitlist where id = ?", String.class, entry))
			.isEqualTo("WAITING");
		assertThat(call(rest, b, HttpMethod.POST, "/api/parking-waitlist",
				"{\"unitNumber\":\"1-1-101\",\"applicantKind\":\"OWNER\",\"applicantName\":\"" + owner.get("name")
						+ "\",\"applicantPhone\":\"13812345678\"}").getStatusCode())
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(call(rest, "receptionist", HttpMethod.POST, "/api/parking-waitlist/" + entry + "/withdrawal",
				"{\"reason\":\"业主已自行解决\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void shouldSealAssistanceRequestsAndCertificatesPerEstate() {
		String number = businessKey(openTasks.assistanceRequest().processInstanceId());
		Map<String, Object> ours = jdbc.queryForMap("""
				select u.number as unit_number, r.requester_name from assistance_request r join unit u on u.id = r.unit_id
				 where r.request_number = ?""", number);
		String b = other.manager();

		assertNotFound(call(rest, b, HttpMethod.GET, "/api/assistance-requests/" + number, null), ours);
		WebSession session = WebSession.loggedIn(port, b);
		for (String path : new String[] { "/assistance/" + number, "/assistance/" + number + "/certificate" }) {
			HttpResponse<String> page = session.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(404);
			assertThat(page.body()).doesNotContain((String) ours.get("requester_name"));
		}
		assertThat(session.get("/assistance").body()).doesNotContain(number);
		assertThat(body(b, "/api/assistance-requests/per-month")).doesNotContainPattern("\"(certificates|documents)\":[1-9]");
		assertThat(body("manager", "/api/assistance-requests/per-month")).containsPattern("\"certificates\":[1-9]");

		ResponseEntity<Map<String, Object>> registered = call(rest, other.receptionist(), HttpMethod.POST,
				"/api/assistance-requests", "{\"unitNumber\":\"" + ours.get("unit_number") + "\",\"ownerName\":\""
						+ ours.get("requester_name") + "\",\"kind\":\"RESIDENCE\",\"purpose\":\"SCHOOL_ENROLMENT\","
						+ "\"addressee\":\"第一小学\"}");
		assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(String.valueOf(registered.getBody())).doesNotContain((String) ours.get("requester_name"));
	}

	@Test
	void shouldSealGoodsPassesPerEstate() {
		String pass = businessKey(openTasks.goodsRelease().processInstanceId());
		Map<String, Object> ours = jdbc.queryForMap("""
				select u.number as unit_number, p.applicant_name from release_pass p join unit u on u.id = p.unit_id
				 where p.pass_number = ?""", pass);
		String b = other.receptionist();

		assertNotFound(call(rest, b, HttpMethod.GET, "/api/release-passes/" + pass, null), ours);
		assertNotFound(call(rest, b, HttpMethod.POST, "/api/release-passes/" + pass + "/revocation",
				"{\"reason\":\"越界作废\"}"), ours);
		HttpResponse<String> page = WebSession.loggedIn(port, b).get("/release-passes/" + pass);
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).doesNotContain((String) ours.get("applicant_name"));
		assertThat(body(b, "/api/release-passes")).doesNotContain(pass);
		assertThat(body("receptionist", "/api/release-passes")).contains(pass);
		assertThat(body(b, "/api/release-reports?from=" + TODAY.minusDays(1) + "&to=" + TODAY)).isEqualTo("[]");
	}

	private String businessKey(String processInstanceId) {
		return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
			.getBusinessKey();
	}

	private String body(String user, String path) {
		return rest.withBasicAuth(user, "demo").getForObject(path, String.class);
	}

	private static void assertNotFound(ResponseEntity<Map<String, Object>> response, Map<String, Object> secrets) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		String body = String.valueOf(response.getBody());
		secrets.values().forEach(secret -> assertThat(body).doesNotContain(String.valueOf(secret)));
	}

}
