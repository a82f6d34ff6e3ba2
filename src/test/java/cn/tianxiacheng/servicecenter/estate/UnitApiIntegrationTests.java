package cn.tianxiacheng.servicecenter.estate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class UnitApiIntegrationTests extends IntegrationTestSupport {

	static final String CLEAR_PHONE = "1\\d{10}";

	static final String MASKED_PHONE = "1\\d{2}\\*{4}\\d{4}";

	static final String CLEAR_ID = "\\d{17}[\\dX]";

	static final String MASKED_ID = "\\d{4}\\*{10}\\d{3}[\\dX]";

	@Test
	void shouldFindAUnitByItsNumber() {
		Map<String, Object> page = get("receptionist", "/api/units?q=3-2-1501").getBody();
		List<Map<String, Object>> content = content(page);
		assertThat(content).hasSize(1);
		Map<String, Object> unit = content.get(0);
		assertThat(unit).containsEntry("number", "3-2-1501").containsKeys("id", "areaM2", "type", "status", "owners");
		assertThat(unit.get("areaM2").toString()).matches("\\d+\\.\\d{2}");
	}

	@Test
	void shouldFindUnitsByOwnerName() {
		String name = jdbc.queryForObject("select min(o.name) from owner o join unit u on u.id = o.unit_id"
				+ " where u.building_id in " + TIANXIACHENG_BUILDINGS, String.class);
		List<Map<String, Object>> content = content(get("receptionist", "/api/units?q=" + name + "&size=100").getBody());
		assertThat(content).isNotEmpty()
			.allSatisfy(unit -> assertThat(owners(unit)).anySatisfy(o -> assertThat((String) o.get("name")).contains(name)));
	}

	@Test
	void shouldPageThroughABuilding() {
		Map<String, Object> first = get("receptionist", "/api/units?building=2&page=0&size=50").getBody();
		Map<String, Object> second = get("receptionist", "/api/units?building=2&page=1&size=50").getBody();
		assertThat(first).containsEntry("totalElements", 200).containsEntry("totalPages", 4).containsEntry("page", 0);
		assertThat(content(first)).hasSize(50).allSatisfy(u -> assertThat(u.get("building")).isEqualTo(2));
		assertThat(content(first).get(0)).containsEntry("number", "2-1-101");
		assertThat(content(second).get(0).get("id")).isNotEqualTo(content(first).get(0).get("id"));
	}

	@Test
	void shouldShowAUnitWithItsPeopleAndVehicles() {
		long id = jdbc.queryForObject("select min(v.unit_id) from vehicle v join unit u on u.id = v.unit_id"
				+ " where u.building_id in " + TIANXIACHENG_BUILDINGS, Long.class);
		Map<String, Object> unit = get("manager", "/api/units/" + id).getBody();
		assertThat(unit).containsKeys("owners", "residents", "tenants", "vehicles", "parkingSpaces");
		assertThat((List<?>) unit.get("vehicles")).isNotEmpty();
		assertThat(owners(unit)).isNotEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "receptionist, true", "receptionist2, true", "cashier, true", "manager, true", "director, false",
			"engineer, false", "guard, false", "cleaner, false", "auditor, false", "admin, false" })
	void shouldShowPersonalDataByTheOneRuleAndLogEveryClearRead(String user, boolean callsOwners) {
		long id = jdbc.queryForObject("select min(r.unit_id) from resident r join unit u on u.id = r.unit_id"
				+ " where r.phone is not null and u.building_id in " + TIANXIACHENG_BUILDINGS, Long.class);
		int readsBefore = clearReads(user);
		Map<String, Object> unit = get(user, "/api/units/" + id).getBody();

		Map<String, Object> owner = owners(unit).get(0);
		assertThat((String) owner.get("phone")).matches(callsOwners ? CLEAR_PHONE : MASKED_PHONE);
		assertThat((String) owner.get("idNumber")).as("ID numbers only through an archive access").matches(MASKED_ID);
		assertThat((String) owner.get("name")).as("name").matches(callsOwners ? "[^*]+" : ".\\*+");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> residents = (List<Map<String, Object>>) unit.get("residents");
		Map<String, Object> resident = residents.stream().filter(r -> r.get("phone") != null).findFirst().orElseThrow();
		assertThat((String) resident.get("phone")).matches(callsOwners ? CLEAR_PHONE : MASKED_PHONE);
		assertThat(clearReads(user)).as("clear reads logged").isEqualTo(readsBefore + (callsOwners ? 1 : 0));

		Map<String, Object> listed = content(get(user, "/api/units?q=" + unit.get("number")).getBody()).get(0);
		assertThat((String) owners(listed).get(0).get("phone")).as("lists show phones masked").matches(MASKED_PHONE);
	}

	@Test
	void shouldListTheClearReadsForTheAuditorAndTheManagerOnly() {
		long id = jdbc.queryForObject(
				"select min(id) from unit where status = 'OCCUPIED' and building_id in " + TIANXIACHENG_BUILDINGS, Long.class);
		String number = (String) get("cashier", "/api/units/" + id).getBody().get("number");

		ResponseEntity<List<Map<String, Object>>> log = rest.withBasicAuth("auditor", "demo").exchange(
				"/api/personal-data/read-log", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
				});
		assertThat(log.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(log.getBody()).anySatisfy(read -> assertThat(read).containsEntry("readBy", "cashier")
			.containsEntry("recordType", "UNIT")
			.containsEntry("recordId", number)
			.containsKeys("readAt", "purpose"));
		assertThat(get("receptionist", "/api/personal-data/read-log").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private int clearReads(String user) {
		return jdbc.queryForObject("select count(*) from personal_data_read where read_by = ?", Integer.class, user);
	}

	@Test
	void shouldAnswer404WithAMessageForAnUnknownUnit() {
		ResponseEntity<Map<String, Object>> response = get("receptionist", "/api/units/987654321");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody()).containsEntry("detail", "房屋不存在：编号 987654321");
	}

	@Test
	void shouldAnswer400WithAMessageForBadInput() {
		assertBadRequest("/api/units?page=-1", "页码不能小于 0");
		assertBadRequest("/api/units?size=1000", "每页条数最多为 100");
		assertBadRequest("/api/units?page=abc", "格式不正确");
		assertBadRequest("/api/units/abc", "格式不正确");
		assertBadRequest("/api/units?q=" + "a".repeat(10_000), "查询条件过长");
		assertBadRequest("/api/units?q=" + "楼".repeat(10_000), "查询条件过长");
		assertBadRequest("/api/units?building=0", "楼栋号必须是正整数");
	}

	private void assertBadRequest(String path, String message) {
		ResponseEntity<Map<String, Object>> response = get("receptionist", path);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) response.getBody().get("detail")).as(path).contains(message);
	}

	private ResponseEntity<Map<String, Object>> get(String user, String path) {
		return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null, MAP);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> content(Map<String, Object> page) {
		return (List<Map<String, Object>>) page.get("content");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> owners(Map<String, Object> unit) {
		return (List<Map<String, Object>>) unit.get("owners");
	}

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

}
