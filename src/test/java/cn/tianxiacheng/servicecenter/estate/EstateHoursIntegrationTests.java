package cn.tianxiacheng.servicecenter.estate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.OtherEstate;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.decoration.DecorationRequests;
import cn.tianxiacheng.servicecenter.system.EstateTenants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Each estate's clock: the administrator sets another estate's time zone, office hours and decoration
 * hours on the estates' page; its decoration pages and permit show its 装修施工时间 while 天下城's keep
 * the company's. Bad hours, a zone not offered and another role are refused with the field named, and
 * nothing changes.
 */
@IntegrationTest
class EstateHoursIntegrationTests extends IntegrationTestSupport {

	private static final String TXC_WORKS = "8:00–12:00，14:00–18:00";

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
	void shouldShowTheHoursTheAdministratorSetOnTheEstatesOwnPermitOnly() {
		String code = other.estate().code();
		assertThat(setHours(code, "Europe/London", "9:00-18:00", "09:00-12:00， 13:30-17:30").statusCode())
			.isEqualTo(302);
		assertThat(row(code)).containsExactly("Europe/London", "09:00-18:00", "09:00-12:00、13:30-17:30");
		String page = admin.get("/estates").body();
		assertThat(page).contains("value=\"09:00-12:00、13:30-17:30\"", "伦敦时间");

		String otherDecoration = permitted(other.units().get(0), "测试业主", other.receptionist());
		WebSession otherReception = WebSession.loggedIn(port, other.receptionist());
		assertThat(otherReception.get("/decorations/" + otherDecoration).body()).contains("9:00–12:00，13:30–17:30");
		String otherPermit = otherReception.get("/decorations/" + otherDecoration + "/permit").body();
		assertThat(otherPermit).contains("9:00–12:00，13:30–17:30").doesNotContain(TXC_WORKS);

		Map<String, Object> txcUnit = DecorationRequests.freshUnit(jdbc, "3-2-");
		String txcDecoration = permitted((String) txcUnit.get("number"), (String) txcUnit.get("owner_name"),
				"receptionist");
		String txcPermit = WebSession.loggedIn(port, "receptionist").get("/decorations/" + txcDecoration + "/permit")
			.body();
		assertThat(txcPermit).contains(TXC_WORKS).doesNotContain("13:30");
		assertThat(row("TXC")).containsExactly("Asia/Shanghai", "08:30-17:30", "08:00-12:00、14:00-18:00");
	}

	@Test
	void shouldRefuseBadHoursAZoneNotOfferedOrAnotherRoleAndChangeNothing() {
		String code = other.estate().code();
		List<String> before = row(code);
		refused(setHours(code, "Asia/Shanghai", "全天", "08:00-12:00"), "服务中心办公时间：“全天”应写成 开始-结束");
		refused(setHours(code, "Asia/Shanghai", "08:30-17:30", "14:00-12:00"), "装修施工时间：“14:00-12:00”的结束时间应晚于开始时间");
		refused(setHours(code, "Asia/Shanghai", "08:30-17:30", "08:00-12:00、11:00-18:00"),
				"装修施工时间：各段应按时间先后排列，且不能重叠");
		refused(setHours(code, "Asia/Shanghai", "08:30-25:00", "08:00-12:00"), "服务中心办公时间：“25:00”不是一天中的时间");
		refused(setHours(code, "Asia/Shanghai", " ", "08:00-12:00"), "请填写服务中心办公时间");
		refused(setHours(code, "Mars/Olympus", "08:30-17:30", "08:00-12:00"), "时区：请从列表中选择");
		assertThat(setHours("NOPE1", "Asia/Shanghai", "08:30-17:30", "08:00-12:00").statusCode()).isEqualTo(404);
		HttpResponse<String> byManager = WebSession.loggedIn(port, other.manager()).submit("/",
				"/estates/" + code + "/hours", form("Europe/London", "09:00-18:00", "09:00-17:00"));
		assertThat(byManager.statusCode()).isEqualTo(403);
		assertThat(row(code)).isEqualTo(before).containsExactly("Asia/Shanghai", "08:30-17:30", "08:00-12:00、14:00-18:00");
	}

	private static void refused(HttpResponse<String> answer, String message) {
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains(message);
	}

	private HttpResponse<String> setHours(String code, String zone, String office, String works) {
		return admin.submit("/estates", "/estates/" + code + "/hours", form(zone, office, works));
	}

	private static String form(String zone, String office, String works) {
		return "timeZone=" + encode(zone) + "&officeHours=" + encode(office) + "&worksHours=" + encode(works);
	}

	private List<String> row(String code) {
		return jdbc.queryForObject("select time_zone, office_hours, works_hours from estate where code = ?",
				(rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)), code);
	}

	/**
	 * A decoration of the unit applied for by the estate's reception, its permit issued (as the process issues
	 * it once the fees are paid; the process is another test's); its number.
	 */
	private String permitted(String unitNumber, String ownerName, String receptionist) {
		ResponseEntity<Map<String, Object>> applied = StaffApi.call(rest, receptionist, HttpMethod.POST,
				"/api/decorations", DecorationRequests.application(UUID.randomUUID().toString(), unitNumber, ownerName,
						List.of("WATERPROOFING")));
		assertThat(applied.getStatusCode()).as("%s", applied.getBody()).isEqualTo(HttpStatus.OK);
		String number = (String) applied.getBody().get("decorationNumber");
		String permit = "XK" + UUID.randomUUID().toString().replaceAll("\\D", "").substring(0, 8);
		jdbc.update("""
				update decoration set permit_number = ?, permit_issued_at = ?, permit_end = ?, permitted_hours = ?
				 where decoration_number = ?""", permit, Timestamp.from(clock.instant()),
				Date.valueOf(LocalDate.now(clock).plusDays(30)), "按协议", number);
		return number;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
