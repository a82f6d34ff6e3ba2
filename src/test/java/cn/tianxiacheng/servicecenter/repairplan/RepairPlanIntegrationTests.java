package cn.tianxiacheng.servicecenter.repairplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * 大、中修计划 on the running application: a plan over the threshold goes through the consultation,
 * its works are recorded to 100 %, and at acceptance the variance of the final account against the
 * budget is computed to the fen, must be explained, and the cost appears in the month's income and
 * expense statement; bad input and other roles change nothing; the pages open to their roles only.
 */
@IntegrationTest
class RepairPlanIntegrationTests extends IntegrationTestSupport {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Test
	void shouldComputeTheVarianceToTheFenAndShowTheCostInTheStatement() {
		LocalDate today = LocalDate.now(SHANGHAI);
		ResponseEntity<Map<String, Object>> drafted = draft("director", "MAJOR", "123456.78", today, today.plusDays(60));
		assertThat(drafted.getStatusCode()).as("%s", drafted.getBody()).isEqualTo(HttpStatus.CREATED);
		String number = (String) drafted.getBody().get("planNumber");
		String instance = (String) drafted.getBody().get("processInstanceId");
		assertThat(number).matches("TXC-WXJH-\\d{4}-\\d{3}");

		StaffApi.work(rest, "manager", task(instance).getId(),
				StaffApi.vars("planApproved", true, "opinion", "施工方案可行，预算按市场价核定"));
		StaffApi.awaitJobs(managementService, instance);
		assertThat(task(instance).getTaskDefinitionKey()).as("123456.78 is over the threshold")
			.isEqualTo(RepairPlanProcess.Element.CONSULT);
		assertThat(status(number)).isEqualTo("CONSULTATION");
		StaffApi.work(rest, "manager", task(instance).getId(), StaffApi.vars("consultationAgreed", true, "consultedWith",
				"业主委员会会议", "opinion", "业主代表同意实施"));
		StaffApi.awaitJobs(managementService, instance);
		assertThat(status(number)).isEqualTo("WORKS");

		Task works = task(instance);
		assertThat(StaffApi.call(rest, "engineer", HttpMethod.POST, "/engine-rest/task/" + works.getId() + "/claim",
				"{\"userId\":\"engineer\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<Map<String, Object>> early = StaffApi.call(rest, "engineer", HttpMethod.POST,
				"/engine-rest/task/" + works.getId() + "/complete", StaffApi.completion(StaffApi.vars("opinion", "完工")));
		assertThat(early.getStatusCode()).as("no progress at 100 %% yet").isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(early.getBody().get("message").toString()).contains("100%");
		assertThat(progress(number, 40, "主机吊装完成").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(progress(number, 30, "记错了").getStatusCode()).as("progress does not go back")
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(progress(number, 100, "调试完毕，特检所检验合格").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(StaffApi.call(rest, "engineer", HttpMethod.POST, "/engine-rest/task/" + works.getId() + "/complete",
				StaffApi.completion(StaffApi.vars("opinion", "已完工"))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		StaffApi.awaitJobs(managementService, instance);
		assertThat(status(number)).isEqualTo("ACCEPTANCE");

		Task acceptance = task(instance);
		assertThat(StaffApi.call(rest, "director", HttpMethod.POST, "/engine-rest/task/" + acceptance.getId() + "/claim",
				"{\"userId\":\"director\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<Map<String, Object>> unexplained = accept(acceptance, StaffApi.vars("accepted", true, "finalAccount",
				"123400.05", "opinion", "验收合格"));
		assertThat(unexplained.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unexplained.getBody().get("message").toString()).contains("-56.73", "请说明差异原因");
		assertThat(accept(acceptance, StaffApi.vars("accepted", true, "finalAccount", "123400.055", "varianceExplanation",
				"x", "opinion", "验收合格")).getStatusCode()).as("a fraction of a fen").isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(taskService.createTaskQuery().taskId(acceptance.getId()).count()).isOne();
		assertThat(expenses(number)).as("nothing entered yet").isZero();

		assertThat(accept(acceptance, StaffApi.vars("accepted", true, "finalAccount", "123400.05", "varianceExplanation",
				"电缆实际用量少于预算", "opinion", "验收合格")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		StaffApi.awaitJobs(managementService, instance);

		Map<String, Object> plan = jdbc.queryForMap(
				"select status, budget, final_account, variance, variance_explanation from repair_plan where plan_number = ?",
				number);
		assertThat(plan.get("status")).isEqualTo("COMPLETED");
		assertThat((BigDecimal) plan.get("final_account")).isEqualByComparingTo("123400.05");
		assertThat((BigDecimal) plan.get("variance")).isEqualByComparingTo("-56.73");
		assertThat(((BigDecimal) plan.get("variance")).scale()).isEqualTo(2);
		assertThat(plan.get("variance_explanation")).isEqualTo("电缆实际用量少于预算");
		assertThat(expenses(number)).as("the cost entered once").isOne();
		assertThat(jdbc.queryForObject("select amount from expense where reference = ?", BigDecimal.class, number))
			.isEqualByComparingTo("123400.05");

		String period = YearMonth.from(today).toString();
		ResponseEntity<Map<String, Object>> statement = StaffApi.call(rest, "manager", HttpMethod.GET,
				"/api/reports/statement?period=" + period, null);
		assertThat(statement.getStatusCode()).isEqualTo(HttpStatus.OK);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> lines = (List<Map<String, Object>>) statement.getBody().get("lines");
		assertThat(lines).anySatisfy(line -> {
			assertThat(line.get("section")).isEqualTo("支出");
			assertThat(line.get("item")).isEqualTo(RepairPlans.EXPENSE_CATEGORY);
			assertThat(new BigDecimal(line.get("amount").toString())).isGreaterThanOrEqualTo(new BigDecimal("123400.05"));
		});

		HttpResponse<String> page = WebSession.loggedIn(port, "auditor").get("/repair-plans/" + number);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("123456.78", "123400.05", "-56.73", "节余 56.73 元", "电缆实际用量少于预算", "已验收决算");
		assertThat(WebSession.loggedIn(port, "director").get("/repair-plans?year=" + today.getYear()).body())
			.contains(number, "已验收决算");
	}

	@Test
	void shouldKeepEachCompletedTaskWithItsHandlerAndOpinionInThePlansStory() {
		LocalDate today = LocalDate.now(SHANGHAI);
		ResponseEntity<Map<String, Object>> drafted = draft("director", "MAJOR", "123456.78", today, today.plusDays(60));
		String number = (String) drafted.getBody().get("planNumber");
		String instance = (String) drafted.getBody().get("processInstanceId");

		StaffApi.work(rest, "manager", task(instance).getId(),
				StaffApi.vars("planApproved", true, "opinion", "方案可行，同意报业主代表"));
		StaffApi.awaitJobs(managementService, instance);

		assertThat(jdbc.queryForList("select step, handled_by, opinion from process_step where business_key = ?", number))
			.anySatisfy(step -> {
				assertThat(step.get("step")).isEqualTo("审核施工方案和预算");
				assertThat(step.get("handled_by")).isEqualTo("manager");
				assertThat(step.get("opinion")).isEqualTo("方案可行，同意报业主代表");
			});
		assertThat(runtimeService.getVariables(instance)).as("the opinion is kept in the journal, not in the process")
			.doesNotContainKey("opinion")
			.hasEntrySatisfying("recentSteps", steps -> assertThat(steps.toString()).contains("审核施工方案和预算"));
	}

	@Test
	void shouldRefuseBadInputAndOtherRolesChangingNothing() {
		LocalDate today = LocalDate.now(SHANGHAI);
		int before = plans();

		assertThat(draft("director", "MAJOR", "1000.005", today, today.plusDays(5)).getStatusCode())
			.as("a fraction of a fen").isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(draft("director", "MAJOR", "0", today, today.plusDays(5)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(draft("director", "HUGE", "1000.00", today, today.plusDays(5)).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<Map<String, Object>> backwards = draft("director", "MEDIUM", "1000.00", today, today.minusDays(1));
		assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(backwards.getBody().get("detail").toString()).contains("完工日期不能早于开工日期");
		assertThat(draft("director", "MEDIUM", "1000.00", today.plusYears(20), today.plusYears(20)).getStatusCode())
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		for (String user : new String[] { "manager", "receptionist", "engineer", "auditor" }) {
			assertThat(draft(user, "MEDIUM", "1000.00", today, today.plusDays(5)).getStatusCode()).as(user)
				.isEqualTo(HttpStatus.FORBIDDEN);
		}
		WebSession director = WebSession.loggedIn(port, "director");
		HttpResponse<String> page = director.submit("/repair-plans/new", "/repair-plans", "requestId=" + UUID.randomUUID()
				+ "&scale=MEDIUM&item=" + encode("路灯更换") + "&facility=" + encode("小区道路") + "&reason=" + encode("老化")
				+ "&constructionPlan=" + encode("更换灯具") + "&budget=" + encode("一万元") + "&plannedStart=" + today
				+ "&plannedEnd=" + today.plusDays(3));
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("预算应为金额", "路灯更换");
		assertThat(plans()).as("nothing was created").isEqualTo(before);

		String requestId = UUID.randomUUID().toString();
		HttpResponse<String> created = director.submit("/repair-plans/new", "/repair-plans", "requestId=" + requestId
				+ "&scale=MEDIUM&item=" + encode("路灯更换") + "&facility=" + encode("小区道路") + "&reason=" + encode("老化")
				+ "&constructionPlan=" + encode("更换灯具") + "&budget=8600.50&plannedStart=" + today + "&plannedEnd="
				+ today.plusDays(3));
		assertThat(created.statusCode()).isEqualTo(302);
		String number = jdbc.queryForObject("select plan_number from repair_plan where request_id = ?", String.class,
				requestId);
		assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains(number));
		assertThat(director.submit("/repair-plans/new", "/repair-plans", "requestId=" + requestId
				+ "&scale=MEDIUM&item=x&facility=x&reason=x&constructionPlan=x&budget=1.00&plannedStart=" + today
				+ "&plannedEnd=" + today).statusCode()).as("the same request again").isEqualTo(302);
		assertThat(plans()).as("one plan for one request").isEqualTo(before + 1);

		assertThat(progress(number, 10, "未批准就开工").getStatusCode()).as("not yet in works")
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/repair-plans/" + number + "/progress",
				"{\"percent\":10,\"note\":\"x\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(StaffApi.call(rest, "engineer", HttpMethod.POST, "/api/repair-plans/" + number + "/progress",
				"{\"percent\":120,\"note\":\"x\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(jdbc.queryForObject("""
				select count(*) from repair_progress g join repair_plan p on p.id = g.plan_id where p.plan_number = ?""",
				Integer.class, number)).isZero();
	}

	@Test
	void shouldOpenTheRepairPlanPagesToTheirRolesOnly() {
		for (String user : new String[] { "director", "manager", "engineer", "auditor" }) {
			WebSession session = WebSession.loggedIn(port, user);
			assertThat(session.get("/repair-plans").statusCode()).as(user).isEqualTo(200);
			assertThat(session.get("/api/repair-plans").statusCode()).as(user).isEqualTo(200);
		}
		for (String user : new String[] { "receptionist", "cashier", "guard", "cleaner" }) {
			WebSession session = WebSession.loggedIn(port, user);
			assertThat(session.get("/repair-plans").statusCode()).as(user).isEqualTo(403);
			assertThat(session.get("/repair-plans/new").statusCode()).as(user).isEqualTo(403);
		}
		assertThat(WebSession.loggedIn(port, "director").get("/repair-plans/new").statusCode()).isEqualTo(200);
		assertThat(WebSession.loggedIn(port, "manager").get("/repair-plans/new").statusCode()).isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "director").get("/repair-plans/WXJH-1999-999").statusCode()).isEqualTo(404);
	}

	private ResponseEntity<Map<String, Object>> draft(String user, String scale, String budget, LocalDate start,
			LocalDate end) {
		return StaffApi.call(rest, user, HttpMethod.POST, "/api/repair-plans", """
				{"requestId":"%s","scale":"%s","item":"电梯曳引机更换","facility":"1号楼1单元电梯","reason":"曳引机磨损，特检所建议更换",
				 "constructionPlan":"由电梯维保单位停梯更换，工期内张贴告示","budget":%s,"plannedStart":"%s","plannedEnd":"%s"}"""
			.formatted(UUID.randomUUID(), scale, budget, start, end));
	}

	private ResponseEntity<Map<String, Object>> progress(String number, int percent, String note) {
		return StaffApi.call(rest, "engineer", HttpMethod.POST, "/api/repair-plans/" + number + "/progress",
				"{\"percent\":" + percent + ",\"note\":\"" + note + "\"}");
	}

	private ResponseEntity<Map<String, Object>> accept(Task task, Map<String, Object> variables) {
		return StaffApi.call(rest, "director", HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete",
				StaffApi.completion(variables));
	}

	private Task task(String processInstanceId) {
		return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
	}

	private String status(String number) {
		return jdbc.queryForObject("select status from repair_plan where plan_number = ?", String.class, number);
	}

	private int expenses(String number) {
		return jdbc.queryForObject("select count(*) from expense where reference = ?", Integer.class, number);
	}

	private int plans() {
		return jdbc.queryForObject("select count(*) from repair_plan", Integer.class);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
