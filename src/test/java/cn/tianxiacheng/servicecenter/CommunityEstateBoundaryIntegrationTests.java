package cn.tianxiacheng.servicecenter;

import static cn.tianxiacheng.servicecenter.StaffApi.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
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
 * The estate's own records (notices, surveys, activities, inspection rounds and equipment, repair
 * plans, evaluation sheets) are sealed: staff of another estate asking for 天下城's by id or number,
 * to read or to act, get what an unknown one gets and learn nothing of it; lists show each estate
 * its own, and what they create is theirs.
 */
@IntegrationTest
class CommunityEstateBoundaryIntegrationTests extends IntegrationTestSupport {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@Autowired
	EstateTenants tenants;

	private OtherEstate other;

	@BeforeEach
	void anotherEstate() {
		other = OtherEstate.create(jdbc, tenants, identityService);
	}

	@Test
	void shouldSealNoticesPerEstate() {
		String title = "天下城停水" + UUID.randomUUID().toString().substring(0, 6);
		long id = ((Number) created(call(rest, "receptionist", HttpMethod.POST, "/api/notices", notice(title))).get("id"))
			.longValue();
		String theirs = "外项目停电" + UUID.randomUUID().toString().substring(0, 6);
		created(call(rest, other.receptionist(), HttpMethod.POST, "/api/notices", notice(theirs)));

		WebSession b = WebSession.loggedIn(port, other.receptionist());
		assertUnknown(b.get("/notices/" + id), title);
		assertThat(b.get("/notices").body()).contains(theirs).doesNotContain(title);
		assertThat(rest.withBasicAuth(other.receptionist(), "demo").getForObject("/api/notices", String.class))
			.contains(theirs)
			.doesNotContain(title);
		long ourUnit = jdbc.queryForObject("select id from unit where number = '1-1-101'", Long.class);
		assertThat(call(rest, other.receptionist(), HttpMethod.GET, "/api/notices?unitId=" + ourUnit, null)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(WebSession.loggedIn(port, "receptionist").get("/notices").body()).contains(title).doesNotContain(theirs);
		long theirId = jdbc.queryForObject("select id from notice where title = ?", Long.class, theirs);
		assertThat(jdbc.queryForObject("select estate_id from notice where id = ?", Long.class, theirId))
			.isEqualTo(other.estate().id());
		assertUnknown(WebSession.loggedIn(port, "receptionist").get("/notices/" + theirId), theirs);
		assertThat(b.get("/notices/" + theirId).body()).contains(other.estate().name() + "物业服务中心")
			.doesNotContain("天下城物业服务中心");
	}

	@Test
	void shouldSealSurveysPerEstate() {
		String title = "天下城调查" + UUID.randomUUID().toString().substring(0, 6);
		long id = ((Number) created(call(rest, "manager", HttpMethod.POST, "/api/surveys", survey(title))).get("id"))
			.longValue();
		String theirs = "外项目调查" + UUID.randomUUID().toString().substring(0, 6);
		long theirId = ((Number) created(call(rest, other.manager(), HttpMethod.POST, "/api/surveys", survey(theirs)))
			.get("id")).longValue();

		ResponseEntity<Map<String, Object>> report = call(rest, other.manager(), HttpMethod.GET,
				"/api/surveys/" + id + "/report", null);
		assertThat(report.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(String.valueOf(report.getBody())).doesNotContain(title);
		long ourUnit = jdbc.queryForObject("select unit_id from survey_target where survey_id = ? order by unit_id "
				+ "fetch first 1 rows only", Long.class, id);
		assertThat(call(rest, other.receptionist(), HttpMethod.POST, "/api/surveys/" + id + "/answers",
				"{\"unitId\":" + ourUnit + ",\"scores\":{\"客服\":1}}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(jdbc.queryForObject("select count(*) from survey_answer where survey_id = ?", Integer.class, id)).isZero();
		WebSession b = WebSession.loggedIn(port, other.receptionist());
		assertUnknown(b.get("/surveys/" + id), title);
		assertThat(b.submit("/surveys/" + theirId, "/surveys/" + id + "/answers",
				"unitNumber=" + other.units().get(0) + "&score0=1").statusCode()).isEqualTo(404);
		assertThat(b.get("/surveys").body()).contains(theirs).doesNotContain(title);
		// B's survey asks B's two homes only; 天下城's unit is unknown there
		assertThat(call(rest, other.manager(), HttpMethod.GET, "/api/surveys/" + theirId + "/report", null).getBody())
			.containsEntry("targets", 2);
		HttpResponse<String> ourUnitThere = b.submit("/surveys/" + theirId, "/surveys/" + theirId + "/answers",
				"unitNumber=1-1-101&score0=5");
		assertThat(ourUnitThere.statusCode()).isEqualTo(422);
		assertThat(ourUnitThere.body()).contains("没有房号为“1-1-101”的房屋");
		assertThat(WebSession.loggedIn(port, "manager").get("/surveys").body()).contains(title).doesNotContain(theirs);
	}

	@Test
	void shouldSealActivitiesPerEstate() {
		String title = "天下城活动" + UUID.randomUUID().toString().substring(0, 6);
		String number = plan(WebSession.loggedIn(port, "receptionist"), title);
		String theirs = "外项目活动" + UUID.randomUUID().toString().substring(0, 6);
		String theirNumber = plan(WebSession.loggedIn(port, other.receptionist()), theirs);

		WebSession b = WebSession.loggedIn(port, other.manager());
		assertUnknown(b.get("/activities/" + number), title);
		assertThat(b.get("/activities/" + number + "/photos/1").statusCode()).isEqualTo(404);
		assertThat(b.get("/activities").body()).contains(theirs).doesNotContain(title);
		assertThat(WebSession.loggedIn(port, other.receptionist())
			.submit("/activities", "/activities/" + number + "/summary",
					"summary=" + encode("越界总结") + "&actualParticipants=1&actualCost=0")
			.statusCode()).isEqualTo(404);
		assertThat(jdbc.queryForObject("select summary from community_activity where activity_number = ?", String.class,
				number)).isNull();
		WebSession ours = WebSession.loggedIn(port, "manager");
		assertThat(ours.get("/activities").body()).contains(title).doesNotContain(theirs);
		assertUnknown(ours.get("/activities/" + theirNumber), theirs);
	}

	@Test
	void shouldSealRepairPlansPerEstate() {
		ResponseEntity<Map<String, Object>> drafted = call(rest, "director", HttpMethod.POST, "/api/repair-plans", """
				{"requestId":"%s","scale":"MEDIUM","item":"天下城水泵检修","facility":"生活水泵房","reason":"水泵异响",
				 "constructionPlan":"停泵检修","budget":12000.00,"plannedStart":"%s","plannedEnd":"%s"}"""
			.formatted(UUID.randomUUID(), TODAY, TODAY.plusDays(10)));
		String number = (String) created(drafted).get("planNumber");

		ResponseEntity<Map<String, Object>> read = call(rest, other.manager(), HttpMethod.GET, "/api/repair-plans/" + number,
				null);
		assertThat(read.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(String.valueOf(read.getBody())).doesNotContain("天下城水泵检修");
		assertThat(call(rest, other.engineer(), HttpMethod.POST, "/api/repair-plans/" + number + "/progress",
				"{\"percent\":50,\"note\":\"越界登记\"}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertUnknown(WebSession.loggedIn(port, other.manager()).get("/repair-plans/" + number), "天下城水泵检修");
		assertThat(String.valueOf(call(rest, other.manager(), HttpMethod.GET,
				"/api/repair-plans?year=" + TODAY.getYear(), null).getBody())).doesNotContain(number);
		assertThat(WebSession.loggedIn(port, other.manager()).get("/repair-plans?year=0").body()).doesNotContain(number);
		assertThat(String.valueOf(call(rest, "manager", HttpMethod.GET, "/api/repair-plans?year=" + TODAY.getYear(), null)
			.getBody())).contains(number);
	}

	@Test
	void shouldSealRoundsAndEquipmentPerEstate() {
		long txc = jdbc.queryForObject("select id from estate where code = 'TXC'", Long.class);
		String route = "天下城路线-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.update("insert into inspection_route (name, duty_group, active, estate_id) values (?, 'engineering', false, ?)",
				route, txc);
		long routeId = jdbc.queryForObject("select id from inspection_route where name = ?", Long.class, route);
		jdbc.update("""
				insert into inspection_checkpoint (route_id, position, name, kind, location, checklist, case_unit_number,
				       case_category) values (?, 1, '配电室', 'EQUIPMENT', '地下一层', '电压正常', '1-1-101', '水电维修')""",
				routeId);
		String number = "XC-E" + routeId;
		jdbc.update("""
				insert into inspection_round (round_number, route_id, round_date, shift, starts_at, ends_at, status, estate_id)
				values (?, ?, ?, 'MORNING', ?, ?, 'PLANNED', ?)""", number, routeId, Date.valueOf(TODAY),
				Timestamp.from(TODAY.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()),
				Timestamp.from(TODAY.plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()), txc);
		String equipment = "天下城设备-" + UUID.randomUUID().toString().substring(0, 6);
		jdbc.update("""
				insert into equipment (name, kind, location, contractor, cadence_days, in_service_since, estate_id)
				values (?, 'ELEVATOR', '1号楼', '维保公司', 15, ?, ?)""", equipment, Date.valueOf(TODAY.minusYears(1)), txc);
		long equipmentId = jdbc.queryForObject("select id from equipment where name = ?", Long.class, equipment);
		jdbc.update("""
				insert into equipment_maintenance (equipment_id, maintained_on, technician, work_done, recorded_by, recorded_at)
				values (?, ?, '技师', '例行保养', 'engineer', ?)""", equipmentId, Date.valueOf(TODAY.minusDays(1)),
				Timestamp.from(clock.instant()));
		long visitId = jdbc.queryForObject("select id from equipment_maintenance where equipment_id = ?", Long.class,
				equipmentId);

		WebSession b = WebSession.loggedIn(port, other.engineer());
		assertUnknown(b.get("/rounds/" + number), route);
		assertThat(b.get("/rounds/" + number + "/photos/1").statusCode()).isEqualTo(404);
		assertThat(b.submit("/rounds", "/rounds/" + number + "/checkpoints/1", "result=NORMAL").statusCode())
			.isEqualTo(404);
		assertThat(jdbc.queryForObject("select count(*) from inspection_record r join inspection_round d on d.id = r.round_id"
				+ " where d.round_number = ?", Integer.class, number)).isZero();
		assertThat(b.get("/rounds").body()).doesNotContain(route);
		assertThat(b.get("/equipment").body()).doesNotContain(equipment);
		assertThat(b.submit("/equipment", "/equipment/" + equipmentId + "/visits",
				"maintainedOn=" + TODAY + "&technician=" + encode("越界") + "&workDone=" + encode("越界保养")).statusCode())
			.isEqualTo(404);
		assertThat(b.submit("/equipment", "/equipment/visits/" + visitId + "/countersignature", "x=1").statusCode())
			.isEqualTo(404);
		assertThat(jdbc.queryForObject("select count(*) from equipment_maintenance where equipment_id = ?", Integer.class,
				equipmentId)).isOne();
		assertThat(jdbc.queryForObject("select countersigned_by from equipment_maintenance where id = ?", String.class,
				visitId)).isNull();
		WebSession ours = WebSession.loggedIn(port, "engineer");
		assertThat(ours.get("/rounds").body()).contains(route);
		assertThat(ours.get("/equipment").body()).contains(equipment);
	}

	@Test
	void shouldSealEvaluationSheetsPerEstate() {
		long txc = jdbc.queryForObject("select id from estate where code = 'TXC'", Long.class);
		String number = "KH-T-" + UUID.randomUUID().toString().substring(0, 8);
		String staffId = "kh" + UUID.randomUUID().toString().substring(0, 6);
		LocalDate start = TODAY.withDayOfMonth(1).minusYears(5);
		jdbc.update("""
				insert into evaluation_sheet (sheet_number, staff_id, post, period_start, period_end, status, created_at,
				       estate_id) values (?, ?, 'reception', ?, ?, 'MEASURED', ?, ?)""", number, staffId,
				Date.valueOf(start), Date.valueOf(start.plusDays(14)), Timestamp.from(clock.instant()), txc);

		WebSession b = WebSession.loggedIn(port, other.manager());
		assertUnknown(b.get("/evaluations/" + number), staffId);
		assertThat(b.get("/evaluations?day=" + start).body()).doesNotContain(number);
		assertThat(b.get("/evaluations?day=" + start + "&format=csv").body()).doesNotContain(number);
		assertThat(b.get("/evaluations/staff/" + staffId).body()).doesNotContain(number);
		WebSession ours = WebSession.loggedIn(port, "manager");
		assertThat(ours.get("/evaluations/" + number).statusCode()).isEqualTo(200);
		assertThat(ours.get("/evaluations/staff/" + staffId).body()).contains(number);
		assertThat(ours.get("/evaluations?day=" + start + "&format=csv").body()).contains(number);
	}

	private static void assertUnknown(HttpResponse<String> response, String secret) {
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).doesNotContain(secret);
	}

	private static Map<String, Object> created(ResponseEntity<Map<String, Object>> response) {
		assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
		return response.getBody();
	}

	private static String notice(String title) {
		return "{\"requestId\":\"" + UUID.randomUUID() + "\",\"title\":\"" + title + "\",\"body\":\"请提前储水\",\"validFrom\":\""
				+ TODAY + "\",\"validTo\":\"" + TODAY.plusDays(3) + "\"}";
	}

	private static String survey(String title) {
		return "{\"requestId\":\"" + UUID.randomUUID() + "\",\"title\":\"" + title + "\",\"endsOn\":\"" + TODAY.plusDays(10)
				+ "\"}";
	}

	private String plan(WebSession session, String title) {
		String requestId = UUID.randomUUID().toString();
		HttpResponse<String> planned = session.submit("/activities", "/activities",
				"requestId=" + requestId + "&title=" + encode(title) + "&heldOn=" + TODAY + "&place=" + encode("会所")
						+ "&plan=" + encode("茶话会") + "&audience=" + encode("业主") + "&expectedParticipants=20&budget=100.00");
		assertThat(planned.statusCode()).as(planned.body()).isEqualTo(302);
		return jdbc.queryForObject("select activity_number from community_activity where request_id = ?", String.class,
				requestId);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
