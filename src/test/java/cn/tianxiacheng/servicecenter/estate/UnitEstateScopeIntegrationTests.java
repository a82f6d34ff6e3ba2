package cn.tianxiacheng.servicecenter.estate;

import static cn.tianxiacheng.servicecenter.StaffApi.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.OtherEstate;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.system.EstateTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Each estate sees only its own units: another estate's staff asking for a 天下城 unit by its id get
 * the answer of a unit that does not exist, without its number or owners; searches and the log of
 * clear reads keep to the estate.
 */
@IntegrationTest
class UnitEstateScopeIntegrationTests extends IntegrationTestSupport {

	@Autowired
	EstateTenants tenants;

	private OtherEstate other;

	private long tianxiachengUnit;

	@BeforeEach
	void anotherEstate() {
		other = OtherEstate.create(jdbc, tenants, identityService);
		tianxiachengUnit = jdbc.queryForObject("select id from unit where number = '1-1-101'", Long.class);
	}

	@Test
	void shouldAnswerAUnitOfAnotherEstateAsOneThatDoesNotExist() {
		String owner = jdbc.queryForObject("select min(name) from owner where unit_id = ?", String.class, tianxiachengUnit);
		ResponseEntity<Map<String, Object>> unknown = call(rest, other.manager(), HttpMethod.GET, "/api/units/99999999", null);
		ResponseEntity<Map<String, Object>> asked = call(rest, other.manager(), HttpMethod.GET,
				"/api/units/" + tianxiachengUnit, null);

		assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND).isEqualTo(unknown.getStatusCode());
		assertThat(String.valueOf(asked.getBody())).doesNotContain("1-1-101", owner);
		HttpResponse<String> page = WebSession.loggedIn(port, other.receptionist()).get("/units/" + tianxiachengUnit);
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).doesNotContain("1-1-101", owner);
		assertThat(jdbc.queryForObject("select count(*) from personal_data_read where read_by in (?, ?)", Integer.class,
				other.manager(), other.receptionist())).isZero();
	}

	@Test
	void shouldSearchOnlyTheEstatesOwnUnits() {
		assertThat(numbersFound(other.receptionist(), "")).containsExactlyElementsOf(other.units());
		assertThat(numbersFound(other.receptionist(), "1-1-101")).isEmpty();
		assertThat(numbersFound("receptionist", "1-1-101")).contains("1-1-101");
		assertThat(numbersFound("receptionist", other.units().get(0))).isEmpty();
		assertThat(WebSession.loggedIn(port, other.receptionist()).get("/units?q=1-1-10").body()).doesNotContain("1-1-101");
	}

	@Test
	void shouldShowEachEstateOnlyItsOwnReadsInClear() {
		long theirUnit = jdbc.queryForObject("select id from unit where number = ?", Long.class, other.units().get(0));
		assertThat(call(rest, other.receptionist(), HttpMethod.GET, "/api/units/" + theirUnit, null).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(call(rest, "receptionist", HttpMethod.GET, "/api/units/" + tianxiachengUnit, null).getStatusCode())
			.isEqualTo(HttpStatus.OK);

		assertThat(readers(other.manager())).contains(other.receptionist()).doesNotContain("receptionist");
		assertThat(readers("manager")).contains("receptionist").doesNotContain(other.receptionist());
	}

	private List<Object> readers(String user) {
		return rest.withBasicAuth(user, "demo")
			.exchange("/api/personal-data/read-log", HttpMethod.GET, null,
					new ParameterizedTypeReference<List<Map<String, Object>>>() {
					})
			.getBody()
			.stream()
			.map(read -> read.get("readBy"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private List<Object> numbersFound(String user, String q) {
		Map<String, Object> page = call(rest, user, HttpMethod.GET, "/api/units?size=100&q=" + q, null).getBody();
		return ((List<Map<String, Object>>) page.get("content")).stream().map(unit -> unit.get("number")).toList();
	}

}
