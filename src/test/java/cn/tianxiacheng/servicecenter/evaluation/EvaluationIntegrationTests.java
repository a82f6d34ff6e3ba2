package cn.tianxiacheng.servicecenter.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.OtherEstate;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.system.EstateTenants;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * A new receptionist's half month: four first responses, one of them late. The evaluation run
 * measures each indicator from that day's data to the expected value, with the late case as its
 * evidence; the manager scores, the receptionist confirms, the director approves; nobody else may
 * take those steps.
 */
@IntegrationTest
class EvaluationIntegrationTests extends IntegrationTestSupport {

	@Autowired
	StartEvaluationsDelegate evaluations;

	@Autowired
	EvaluationSheets sheets;

	@Autowired
	EstateTenants tenants;

	@Test
	void shouldMeasureScoreConfirmAndApproveAHalfMonth() {
		String staff = "eval" + UUID.randomUUID().toString().substring(0, 6);
		User user = identityService.newUser(staff);
		user.setFirstName("新");
		user.setLastName("员工");
		user.setPassword("demo");
		identityService.saveUser(user);
		identityService.createMembership(staff, "reception");
		identityService.createTenantUserMembership("TXC", staff);
		String late = null;
		for (int i = 1; i <= 4; i++) {
			String caseNumber = register("2-2-" + (800 + i));
			Task firstResponse = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
			if (i == 4) {
				taskService.setDueDate(firstResponse.getId(), new Date(System.currentTimeMillis() - 60_000));
				late = caseNumber;
			}
			StaffApi.work(rest, staff, firstResponse.getId(), StaffApi.vars("decision", "RESOLVED", "opinion", "当场解决"));
		}

		HalfMonth period = HalfMonth.containing(LocalDate.now(clock));
		evaluations.startFor(period);
		String number = sheets.of(staff, period).orElseThrow().number();

		Map<String, BigDecimal> measured = items(number, "measured");
		Map<String, BigDecimal> scores = items(number, "score");
		assertThat(measured.get("FIRST_RESPONSE_ON_TIME")).isEqualByComparingTo("75.00");
		assertThat(scores.get("FIRST_RESPONSE_ON_TIME")).as("(75 − 70) ÷ (95 − 70) × 30").isEqualByComparingTo("6.00");
		assertThat(measured.get("TASKS_ON_TIME")).isEqualByComparingTo("75.00");
		assertThat(scores.get("TASKS_ON_TIME")).isEqualByComparingTo("4.00");
		assertThat(measured.get("REOPENED")).isEqualByComparingTo("0");
		assertThat(scores.get("REOPENED")).isEqualByComparingTo("10.00");
		assertThat(measured.get("SATISFACTION")).as("no return visit yet").isNull();
		assertThat(jdbc.queryForObject("select evidence from evaluation_item i join evaluation_sheet s on s.id = i.sheet_id"
				+ " where s.sheet_number = ? and i.code = 'FIRST_RESPONSE_ON_TIME'", String.class, number)).contains(late);

		Task scoring = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
		assertThat(StaffApi.call(rest, "receptionist", HttpMethod.POST, "/engine-rest/task/" + scoring.getId() + "/claim",
				"{\"userId\":\"receptionist\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		StaffApi.work(rest, "manager", scoring.getId(), StaffApi.vars("attitude", 8, "appearance", 9, "training", 7,
				"comment", "响应及时，注意逾期"));
		// 6 + 4 + 10 + 8 + 4.5 + 3.5 = 36 points of the 80 that could be scored (no satisfaction yet) = 45.00
		assertThat(jdbc.queryForObject("select total_score from evaluation_sheet where sheet_number = ?", BigDecimal.class,
				number)).isEqualByComparingTo("45.00");

		Task confirm = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
		assertThat(confirm.getAssignee()).isEqualTo(staff);
		assertThat(StaffApi.call(rest, "receptionist", HttpMethod.POST, "/engine-rest/task/" + confirm.getId() + "/complete",
				StaffApi.completion(StaffApi.vars("response", "CONFIRM"))).getStatusCode())
			.as("another receptionist cannot confirm for them").isIn(HttpStatus.FORBIDDEN, HttpStatus.CONFLICT);
		assertThat(taskService.createTaskQuery().taskId(confirm.getId()).count()).isOne();
		StaffApi.work(rest, staff, confirm.getId(), StaffApi.vars("response", "CONFIRM"));

		Task approval = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
		assertThat(StaffApi.call(rest, "manager", HttpMethod.POST, "/engine-rest/task/" + approval.getId() + "/claim",
				"{\"userId\":\"manager\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		StaffApi.work(rest, "director", approval.getId(), StaffApi.vars("opinion", "同意"));
		StaffApi.awaitJobs(managementService, approval.getProcessInstanceId());

		assertThat(jdbc.queryForMap("select status, approved_by, staff_response from evaluation_sheet where sheet_number = ?",
				number)).containsEntry("STATUS", "APPROVED").containsEntry("APPROVED_BY", "director")
			.containsEntry("STAFF_RESPONSE", "CONFIRMED");
		assertThat(WebSession.loggedIn(port, staff).get("/evaluations/" + number).body()).contains("75.00", "45.00", "已审批",
				late);
		assertThat(WebSession.loggedIn(port, "engineer").get("/evaluations/" + number).statusCode()).isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "director").get("/evaluations?day=" + period.start() + "&format=csv").body())
			.contains(number, "45.00", "已审批");
	}

	@Test
	void shouldKeepTheStandardAnEstatesManagerChangesToThatEstate() {
		OtherEstate other = OtherEstate.create(jdbc, tenants, identityService);
		long companys = jdbc.queryForObject("select id from evaluation_indicator where estate_id is null"
				+ " and post = 'reception' and code = 'FIRST_RESPONSE_ON_TIME'", Long.class);
		int companyRows = jdbc.queryForObject("select count(*) from evaluation_indicator where estate_id is null",
				Integer.class);
		WebSession theirManager = WebSession.loggedIn(port, other.manager());
		assertThat(theirManager.get("/evaluations/standards").body()).contains("本项目沿用公司统一的考核标准");

		HttpResponse<String> changed = theirManager.submit("/evaluations/standards", "/evaluations/standards/" + companys,
				"weight=25&fullAt=90&zeroAt=60");
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForObject("select count(*) from evaluation_indicator where estate_id = ?", Integer.class,
				other.estate().id())).as("the estate's own copy of the whole standard").isEqualTo(companyRows);
		Map<String, Object> theirs = jdbc.queryForMap("select id, weight, full_at, zero_at from evaluation_indicator"
				+ " where estate_id = ? and post = 'reception' and code = 'FIRST_RESPONSE_ON_TIME'", other.estate().id());
		assertThat(theirs).containsEntry("WEIGHT", 25);
		assertThat((BigDecimal) theirs.get("FULL_AT")).isEqualByComparingTo("90");
		assertThat(jdbc.queryForMap("select weight, full_at from evaluation_indicator where id = ?", companys))
			.as("the company's standard, which 天下城 follows, is unchanged").containsEntry("WEIGHT", 30);
		assertThat(theirManager.get("/evaluations/standards").body()).contains("本项目使用自己的考核标准");

		long theirId = ((Number) theirs.get("ID")).longValue();
		HttpResponse<String> fromTianxiacheng = WebSession.loggedIn(port, "manager")
			.submit("/evaluations/standards", "/evaluations/standards/" + theirId, "weight=5&fullAt=99&zeroAt=98");
		assertThat(fromTianxiacheng.statusCode()).isEqualTo(404);
		assertThat(jdbc.queryForObject("select weight from evaluation_indicator where id = ?", Integer.class, theirId))
			.isEqualTo(25);

		HalfMonth period = HalfMonth.containing(LocalDate.now(clock)).previous().previous();
		EvaluationSheets.Sheet sheet = sheets.make(other.receptionist(), "reception", period, other.estate());
		assertThat(sheet.number()).startsWith(other.estate().code() + "-KH-" + period.key() + "-");
		assertThat(jdbc.queryForObject("select i.weight from evaluation_item i where i.sheet_id = ?"
				+ " and i.code = 'FIRST_RESPONSE_ON_TIME'", Integer.class, sheet.id())).isEqualTo(25);
	}

	private Map<String, BigDecimal> items(String number, String column) {
		Map<String, BigDecimal> values = new HashMap<>();
		jdbc.query("select i.code, i." + column + " from evaluation_item i join evaluation_sheet s on s.id = i.sheet_id"
				+ " where s.sheet_number = ?", rs -> {
			values.put(rs.getString(1), rs.getBigDecimal(2));
		}, number);
		return values;
	}

	private String register(String unit) {
		Map<String, Object> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"COMPLAINT\",\"unitNumber\":\"" + unit
						+ "\",\"contactName\":\"考先生\",\"channel\":\"PHONE\",\"category\":\"服务态度\","
						+ "\"urgency\":\"NORMAL\",\"description\":\"考核测试\"}").getBody();
		StaffApi.awaitJobs(managementService, (String) registered.get("processInstanceId"));
		return (String) registered.get("caseNumber");
	}

}
