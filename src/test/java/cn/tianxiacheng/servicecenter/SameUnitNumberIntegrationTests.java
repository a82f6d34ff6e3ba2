package cn.tianxiacheng.servicecenter;

import static cn.tianxiacheng.servicecenter.StaffApi.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.decoration.DecorationRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Two estates may number a unit alike (a building's number is unique in its estate only): staff
 * of each who file a case, a move-in, a decoration or a goods pass for that number, or look it up
 * at the cashier's desk or in the passes, get their own estate's unit.
 */
@IntegrationTest
class SameUnitNumberIntegrationTests extends TwinUnitsTestSupport {

	@Test
	void shouldFileACaseForTheUnitOfTheReceptionistsOwnEstate() {
		assertThat(unitOf("service_case", "case_number", caseNumber(register("receptionist"))))
			.isEqualTo(twins.occupiedInTianxiacheng());
		assertThat(unitOf("service_case", "case_number", caseNumber(register(other.receptionist()))))
			.isEqualTo(twins.occupiedInOther());
	}

	@Test
	void shouldRegisterAMoveInIntoTheUnitOfTheReceptionistsOwnEstate() {
		assertThat(unitOf("move_in", "case_number", caseNumber(moveIn("receptionist"))))
			.isEqualTo(twins.vacantInTianxiacheng());
		assertThat(unitOf("move_in", "case_number", caseNumber(moveIn(other.receptionist()))))
			.isEqualTo(twins.vacantInOther());
	}

	@Test
	void shouldTakeADecorationApplicationForTheUnitOfTheReceptionistsOwnEstate() {
		ResponseEntity<Map<String, Object>> ours = call(rest, "receptionist", HttpMethod.POST, "/api/decorations",
				DecorationRequests.application(UUID.randomUUID().toString(), twins.occupied(),
						twins.ownerInTianxiacheng(), List.of()));
		ResponseEntity<Map<String, Object>> theirs = call(rest, other.receptionist(), HttpMethod.POST, "/api/decorations",
				DecorationRequests.application(UUID.randomUUID().toString(), twins.occupied(), TwinUnits.OTHER_OWNER,
						List.of()));

		assertThat(ours.getStatusCode()).as("%s", ours.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(theirs.getStatusCode()).as("%s", theirs.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(unitOf("decoration", "decoration_number", (String) ours.getBody().get("decorationNumber")))
			.isEqualTo(twins.occupiedInTianxiacheng());
		assertThat(unitOf("decoration", "decoration_number", (String) theirs.getBody().get("decorationNumber")))
			.isEqualTo(twins.occupiedInOther());
	}

	@Test
	void shouldIssueAndListGoodsPassesOfTheUnitOfTheStaffMembersOwnEstate() {
		String ours = passNumber(requestPass("receptionist", twins.ownerInTianxiacheng()));
		String theirs = passNumber(requestPass(other.receptionist(), TwinUnits.OTHER_OWNER));
		assertThat(unitOf("release_pass", "pass_number", ours)).isEqualTo(twins.occupiedInTianxiacheng());
		assertThat(unitOf("release_pass", "pass_number", theirs)).isEqualTo(twins.occupiedInOther());

		HttpResponse<String> ourList = WebSession.loggedIn(port, "receptionist")
			.get("/release-passes?unit=" + twins.occupied());
		HttpResponse<String> theirList = WebSession.loggedIn(port, other.receptionist())
			.get("/release-passes?unit=" + twins.occupied());
		assertThat(ourList.statusCode()).isEqualTo(200);
		assertThat(ourList.body()).contains(ours).doesNotContain(theirs);
		assertThat(theirList.statusCode()).isEqualTo(200);
		assertThat(theirList.body()).contains(theirs).doesNotContain(ours);
	}

	@Test
	void shouldOpenTheAccountOfTheUnitOfTheCashiersOwnEstate() {
		assertThat(found("cashier")).isEqualTo("/cashier/units/" + twins.occupiedInTianxiacheng());
		assertThat(found(other.cashier())).isEqualTo("/cashier/units/" + twins.occupiedInOther());
	}

	private String found(String cashier) {
		HttpResponse<String> found = WebSession.loggedIn(port, cashier).get("/cashier?number=" + twins.occupied());
		assertThat(found.statusCode()).as(found.body()).isEqualTo(302);
		return found.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

	private ResponseEntity<Map<String, Object>> register(String receptionist) {
		return call(rest, receptionist, HttpMethod.POST, "/api/cases", "{\"requestId\":\"" + UUID.randomUUID()
				+ "\",\"type\":\"SERVICE_REQUEST\",\"unitNumber\":\"" + twins.occupied() + "\",\"contactName\":\"王先生\","
				+ "\"contactPhone\":\"13900001111\",\"channel\":\"PHONE\",\"category\":\"门窗维修\",\"urgency\":\"NORMAL\","
				+ "\"description\":\"阳台门关不严\"}");
	}

	private ResponseEntity<Map<String, Object>> moveIn(String receptionist) {
		return call(rest, receptionist, HttpMethod.POST, "/api/move-ins", "{\"requestId\":\"" + UUID.randomUUID()
				+ "\",\"unitNumber\":\"" + twins.vacant() + "\",\"contractNumber\":\"HT-2026-0901\",\"owners\":[{\"name\":"
				+ "\"欧阳明\",\"idNumber\":\"11010519900307451X\",\"phone\":\"13611112222\"}]}");
	}

	private ResponseEntity<Map<String, Object>> requestPass(String receptionist, String owner) {
		LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0);
		return call(rest, receptionist, HttpMethod.POST, "/api/release-passes", """
				{"requestId":"%s","unitNumber":"%s","applicantKind":"OWNER","applicantName":"%s",
				 "applicantPhone":"13712345678","items":[{"name":"书桌","quantity":1}],
				 "validFrom":"%s","validTo":"%s","gate":"东门"}""".formatted(UUID.randomUUID(), twins.occupied(), owner,
				now, now.plusHours(4)));
	}

	private static String caseNumber(ResponseEntity<Map<String, Object>> registered) {
		assertThat(registered.getStatusCode().is2xxSuccessful()).as("%s", registered.getBody()).isTrue();
		return (String) registered.getBody().get("caseNumber");
	}

	private static String passNumber(ResponseEntity<Map<String, Object>> requested) {
		assertThat(requested.getStatusCode()).as("%s", requested.getBody()).isEqualTo(HttpStatus.OK);
		return (String) requested.getBody().get("passNumber");
	}

	private long unitOf(String table, String numberColumn, String number) {
		return jdbc.queryForObject("select unit_id from " + table + " where " + numberColumn + " = ?", Long.class, number);
	}

}
