package cn.tianxiacheng.servicecenter.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class NoticeIntegrationTests extends IntegrationTestSupport {

	@Test
	void shouldShowAUnitTheCurrentNoticesOfItsBuildingAndOfTheEstate() {
		LocalDate today = LocalDate.now();
		assertThat(publish("receptionist", "2号楼停水通知", "[2]", today, today.plusDays(2)).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		assertThat(publish("manager", "全小区消防演练", null, today.minusDays(1), today.plusDays(5)).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		publish("manager", "下周电梯检修", null, today.plusDays(7), today.plusDays(8));

		long inBuilding2 = jdbc.queryForObject("select id from unit where number = '2-1-101'", Long.class);
		long inBuilding3 = jdbc.queryForObject("select id from unit where number = '3-1-101'", Long.class);
		assertThat(titles(inBuilding2)).contains("2号楼停水通知", "全小区消防演练").doesNotContain("下周电梯检修");
		assertThat(titles(inBuilding3)).contains("全小区消防演练").doesNotContain("2号楼停水通知");
	}

	@Test
	void shouldRefuseABadNoticeAndLetOnlyReceptionAndTheManagerPublish() {
		LocalDate today = LocalDate.now();
		assertThat(publish("receptionist", "日期颠倒", null, today.plusDays(3), today).getStatusCode())
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(publish("receptionist", "", null, today, today).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(publish("guard", "巡逻通知", null, today, today).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(publish("auditor", "审计通知", null, today, today).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private List<String> titles(long unitId) {
		ResponseEntity<List<Map<String, Object>>> notices = rest.withBasicAuth("receptionist", "demo").exchange(
				"/api/notices?unitId=" + unitId, HttpMethod.GET, null, new ParameterizedTypeReference<>() {
				});
		return notices.getBody().stream().map(n -> (String) n.get("title")).toList();
	}

	private ResponseEntity<String> publish(String user, String title, String buildings, LocalDate from, LocalDate to) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		String body = "{\"title\":\"" + title + "\",\"body\":\"详见公告栏\",\"buildings\":" + buildings + ",\"validFrom\":\""
				+ from + "\",\"validTo\":\"" + to + "\"}";
		return rest.withBasicAuth(user, "demo").exchange("/api/notices", HttpMethod.POST, new HttpEntity<>(body, headers),
				String.class);
	}

}
