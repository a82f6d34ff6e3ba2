package cn.tianxiacheng.servicecenter.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class SurveyIntegrationTests extends IntegrationTestSupport {

	@Test
	void shouldReportTheResponseRateAndTheMeanScoresPerAreaAndBuilding() {
		int targets = jdbc.queryForObject("""
				select count(*) from unit u join building b on b.id = u.building_id
				 where u.status = 'OCCUPIED' and b.number = 1 and b.estate_id = %s""".formatted(TIANXIACHENG), Integer.class);
		long survey = ((Number) call("manager", HttpMethod.POST, "/api/surveys",
				"{\"title\":\"2026年第四季度满意度调查\",\"buildings\":[1],\"endsOn\":\"" + LocalDate.now().plusDays(30) + "\"}")
			.getBody().get("id")).longValue();
		long first = unit("1-1-201");
		long second = unit("1-2-301");

		assertThat(answer(survey, first, "{\"客服\":5,\"工程维修\":4,\"保洁\":3}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(answer(survey, second, "{\"客服\":4,\"工程维修\":1}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(answer(survey, first, "{\"客服\":5}").getStatusCode()).as("once per unit").isEqualTo(HttpStatus.CONFLICT);
		assertThat(answer(survey, second + 0, "{\"客服\":6}").getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(answer(survey, unit("2-1-301"), "{\"客服\":5}").getStatusCode()).as("building 2 is not surveyed")
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(answer(survey, first, "{\"天气\":5}").getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

		Map<String, Object> report = call("director", HttpMethod.GET, "/api/surveys/" + survey + "/report", null).getBody();
		assertThat(report).containsEntry("targets", targets).containsEntry("answers", 2);
		assertThat(report.get("responseRatePercent").toString())
			.isEqualTo(new java.math.BigDecimal(200).divide(new java.math.BigDecimal(targets), 2, java.math.RoundingMode.HALF_UP).toString());
		@SuppressWarnings("unchecked")
		Map<String, Object> byArea = (Map<String, Object>) report.get("meanByArea");
		assertThat(byArea.get("客服").toString()).isEqualTo("4.5");
		assertThat(byArea.get("工程维修").toString()).isEqualTo("2.5");
		assertThat(byArea.get("保洁").toString()).isEqualTo("3.0");
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> byBuilding = (Map<String, Map<String, Object>>) report.get("meanByBuilding");
		assertThat(byBuilding).containsOnlyKeys("1");
	}

	private ResponseEntity<Map<String, Object>> answer(long survey, long unitId, String scores) {
		return call("receptionist", HttpMethod.POST, "/api/surveys/" + survey + "/answers",
				"{\"unitId\":" + unitId + ",\"scores\":" + scores + ",\"comment\":\"无\"}");
	}

	private long unit(String number) {
		return jdbc.queryForObject("select id from unit where number = ?", Long.class, number);
	}

	private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, String body) {
		return StaffApi.call(rest, user, method, path, body);
	}

}
