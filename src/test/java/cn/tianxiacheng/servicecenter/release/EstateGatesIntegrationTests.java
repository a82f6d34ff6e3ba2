package cn.tianxiacheng.servicecenter.release;

import static cn.tianxiacheng.servicecenter.StaffApi.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * Each estate's gates: the administrator sets another estate's (北门、车库口); its guard and its
 * receptionist are offered those only and a pass or a check at a gate it does not have is refused,
 * while 天下城 keeps the company's (东门…). Bad lists are refused with the field named and change nothing.
 */
@IntegrationTest
class EstateGatesIntegrationTests extends IntegrationTestSupport {

	private static final Pattern OPTION = Pattern.compile("<select[^>]*name=\"gate\"[^>]*>(.*?)</select>", Pattern.DOTALL);

	@Autowired
	EstateTenants tenants;

	private OtherEstate other;

	private WebSession admin;

	@BeforeEach
	void anotherEstate() {
		other = OtherEstate.create(jdbc, tenants, identityService);
		admin = WebSession.loggedIn(port, "admin");
	}

	@Test
	void shouldOfferAndAcceptOnlyTheEstatesOwnGates() {
		String guard = other.guard(identityService);
		assertThat(setGates(other.estate().code(), "北门、 车库口").statusCode()).isEqualTo(302);
		assertThat(gatesOf(other.estate().code())).isEqualTo("北门、车库口");
		assertThat(admin.get("/estates").body()).contains("value=\"北门、车库口\"");

		assertThat(offered(WebSession.loggedIn(port, guard).get("/gate").body())).containsExactly("北门", "车库口");
		assertThat(offered(WebSession.loggedIn(port, other.receptionist()).get("/release-passes/new").body()))
			.containsExactly("北门", "车库口");
		assertThat(offered(WebSession.loggedIn(port, "guard").get("/gate").body())).contains("东门").doesNotContain("北门");

		int passes = jdbc.queryForObject("select count(*) from release_pass", Integer.class);
		ResponseEntity<Map<String, Object>> eastGate = call(rest, other.receptionist(), HttpMethod.POST,
				"/api/release-passes", request(other.units().get(0), "东门"));
		assertThat(eastGate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(eastGate.getBody().get("detail").toString()).contains("请选择出门的大门：北门、车库口");
		assertThat(jdbc.queryForObject("select count(*) from release_pass", Integer.class)).isEqualTo(passes);
		ResponseEntity<Map<String, Object>> northGate = call(rest, other.receptionist(), HttpMethod.POST,
				"/api/release-passes", request(other.units().get(0), "北门"));
		assertThat(northGate.getStatusCode()).as("%s", northGate.getBody()).isEqualTo(HttpStatus.OK);

		ResponseEntity<Map<String, Object>> checkedAtEast = call(rest, guard, HttpMethod.POST, "/api/gate/scans",
				"{\"passNumber\":\"" + northGate.getBody().get("passNumber") + "\",\"signature\":\"X\",\"gate\":\"东门\"}");
		assertThat(checkedAtEast.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(checkedAtEast.getBody().get("detail").toString()).contains("请选择您所在的大门：北门、车库口");

		assertThat(setGates(other.estate().code(), " ").statusCode()).as("blank: the company's again").isEqualTo(302);
		assertThat(gatesOf(other.estate().code())).isNull();
		assertThat(offered(WebSession.loggedIn(port, guard).get("/gate").body())).contains("东门");
	}

	@Test
	void shouldRefuseABadListOrAnotherRoleAndChangeNothing() {
		String code = other.estate().code();
		HttpResponse<String> nine = setGates(code, "一门、二门、三门、四门、五门、六门、七门、八门、九门");
		assertThat(nine.statusCode()).isEqualTo(400);
		assertThat(nine.body()).contains("大门：最多 8 个");
		HttpResponse<String> longName = setGates(code, "北门、小区东北角的地下车库出口");
		assertThat(longName.statusCode()).isEqualTo(400);
		assertThat(longName.body()).contains("大门：“小区东北角的地下车库出口”超过 10 个字");
		HttpResponse<String> twice = setGates(code, "北门，北门");
		assertThat(twice.statusCode()).isEqualTo(400);
		assertThat(twice.body()).contains("大门：同一个大门只写一次");
		assertThat(setGates("NOPE1", "北门").statusCode()).isEqualTo(404);
		HttpResponse<String> byManager = WebSession.loggedIn(port, other.manager())
			.submit("/", "/estates/" + code + "/gates", "gates=" + encode("北门"));
		assertThat(byManager.statusCode()).isEqualTo(403);
		assertThat(gatesOf(code)).isNull();
	}

	private HttpResponse<String> setGates(String code, String gates) {
		return admin.submit("/estates", "/estates/" + code + "/gates", "gates=" + encode(gates));
	}

	private String gatesOf(String code) {
		return jdbc.queryForObject("select gates from estate where code = ?", String.class, code);
	}

	private static List<String> offered(String page) {
		Matcher select = OPTION.matcher(page);
		assertThat(select.find()).as("a choice of gate").isTrue();
		Matcher option = Pattern.compile("<option[^>]*>([^<]+)</option>").matcher(select.group(1));
		List<String> gates = new ArrayList<>();
		while (option.find()) {
			gates.add(option.group(1).strip());
		}
		return gates;
	}

	private static String request(String unitNumber, String gate) {
		LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
		return """
				{"requestId":"%s","unitNumber":"%s","applicantKind":"OWNER","applicantName":"测试业主",
				 "applicantPhone":"13900001001","moveOut":false,"items":[{"name":"纸箱","quantity":3}],
				 "validFrom":"%s","validTo":"%s","gate":"%s"}""".formatted(UUID.randomUUID(), unitNumber,
				now.minusHours(1).withNano(0).withSecond(0), now.plusHours(3).withNano(0).withSecond(0), gate);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
