package cn.tianxiacheng.servicecenter.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.inspection.InspectionRounds.Route;
import cn.tianxiacheng.servicecenter.inspection.InspectionSchedule.Hours;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Daily rounds on the running application: an abnormal checkpoint recorded on the round's page
 * opens a service request case routed by {@code CaseRouting.dmn}, with the checkpoint's facts and
 * no re-typing; a round is completed only when every checkpoint is recorded; a round not done by
 * its end reaches the manager; the equipment's visits are countersigned by someone else.
 */
@IntegrationTest
class InspectionIntegrationTests extends IntegrationTestSupport {

	@Autowired
	InspectionRounds rounds;

	@Test
	void shouldOpenARoutedCaseForAnAbnormalCheckpointAndCloseTheRoundOnlyWhenAllAreRecorded() {
		Route route = route();
		String number = rounds.open(route, today(), Shift.MORNING, new Hours(LocalTime.MIN, LocalTime.of(23, 59, 59)));
		String processInstanceId = processOf(number);
		StaffApi.awaitJobs(managementService, processInstanceId);
		Task walk = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
		assertThat(candidateGroups(walk)).containsExactly("security");
		List<Long> checkpoints = jdbc.queryForList(
				"select id from inspection_checkpoint where route_id = ? order by position", Long.class, route.id());

		WebSession guard = WebSession.loggedIn(port, "guard");
		HttpResponse<String> abnormal = guard.submit("/rounds/" + number,
				"/rounds/" + number + "/checkpoints/" + checkpoints.get(0),
				"result=ABNORMAL&note=" + encode("大堂东侧门禁无法关闭") + "&category=" + encode("公共设施") + "&urgency=URGENT");
		assertThat(abnormal.statusCode()).as(abnormal.body()).isEqualTo(302);
		String caseNumber = jdbc.queryForObject(
				"select case_number from inspection_record where checkpoint_id = ? and round_id = (select id from inspection_round where round_number = ?)",
				String.class, checkpoints.get(0), number);
		Map<String, Object> serviceCase = jdbc.queryForMap(
				"select c.type, c.channel, c.category, c.urgency, c.description, u.number as unit_number, c.process_instance_id"
						+ " from service_case c join unit u on u.id = c.unit_id where c.case_number = ?",
				caseNumber);
		assertThat(serviceCase).containsEntry("TYPE", "SERVICE_REQUEST")
			.containsEntry("CHANNEL", "INSPECTION")
			.containsEntry("CATEGORY", "公共设施")
			.containsEntry("URGENCY", "URGENT")
			.containsEntry("UNIT_NUMBER", "1-1-101");
		assertThat((String) serviceCase.get("DESCRIPTION")).contains("大堂东侧门禁无法关闭", "测试大堂", route.name());
		String caseProcess = (String) serviceCase.get("PROCESS_INSTANCE_ID");
		StaffApi.awaitJobs(managementService, caseProcess);
		assertThat(candidateGroups(taskService.createTaskQuery().processInstanceId(caseProcess).singleResult()))
			.as("公共设施 · 紧急 goes to engineering by CaseRouting.dmn").containsExactly("engineering");

		assertThat(guard.submit("/rounds/" + number, "/rounds/" + number + "/checkpoints/" + checkpoints.get(0),
				"result=NORMAL").statusCode()).as("recorded twice").isEqualTo(409);
		assertThat(guard.submit("/rounds/" + number, "/rounds/" + number + "/checkpoints/" + checkpoints.get(1),
				"result=ABNORMAL&category=" + encode("公共设施")).statusCode()).as("abnormal without a note").isEqualTo(400);
		assertThat(WebSession.loggedIn(port, "cleaner").get("/rounds/" + number).body()).doesNotContain("name=\"result\"");
		StaffApi.call(rest, "guard", HttpMethod.POST, "/engine-rest/task/" + walk.getId() + "/claim", "{\"userId\":\"guard\"}");
		var early = StaffApi.call(rest, "guard", HttpMethod.POST, "/engine-rest/task/" + walk.getId() + "/complete",
				StaffApi.completion(StaffApi.vars("opinion", "巡查完毕")));
		assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(early.getBody().get("message").toString()).contains("还有 1 个巡查点未记录");
		assertThat(jdbc.queryForObject("select count(*) from inspection_record where case_number is not null and round_id = "
				+ "(select id from inspection_round where round_number = ?)", Integer.class, number)).isOne();

		assertThat(guard.submit("/rounds/" + number, "/rounds/" + number + "/checkpoints/" + checkpoints.get(1),
				"result=NORMAL").statusCode()).isEqualTo(302);
		assertThat(StaffApi.call(rest, "guard", HttpMethod.POST, "/engine-rest/task/" + walk.getId() + "/complete",
				StaffApi.completion(StaffApi.vars("opinion", "巡查完毕，一处门禁故障已报修"))).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		StaffApi.awaitJobs(managementService, processInstanceId);
		assertThat(status(number)).isEqualTo("DONE");
		assertThat(guard.get("/rounds").body()).contains(route.name(), "已完成");
	}

	@Test
	void shouldReportAMissedRoundToTheManager() {
		Route route = route();
		String number = rounds.open(route, today().minusDays(1), Shift.AFTERNOON,
				new Hours(LocalTime.of(14, 0), LocalTime.of(17, 30)));
		String processInstanceId = processOf(number);

		StaffApi.awaitJobs(managementService, processInstanceId);

		Task review = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
		assertThat(review.getTaskDefinitionKey()).isEqualTo(InspectionRoundProcess.Element.REVIEW_MISSED_ROUND);
		assertThat(candidateGroups(review)).containsExactly("manager");
		assertThat(status(number)).isEqualTo("MISSED");
		assertThat(taskService.getVariable(review.getId(), "recorded").toString()).contains("0 / 2");
		StaffApi.work(rest, "manager", review.getId(), StaffApi.vars("opinion", "已约谈值班员，安排补巡"));
		assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId).count()).isZero();
		HttpResponse<String> day = WebSession.loggedIn(port, "manager").get("/rounds?day=" + today().minusDays(1));
		assertThat(day.body()).contains(route.name(), "漏巡");
	}

	@Test
	void shouldHaveTheContractorsVisitCountersignedBySomeoneElse() {
		long elevator = jdbc.queryForObject("select min(id) from equipment where kind = 'ELEVATOR'", Long.class);
		WebSession engineer = WebSession.loggedIn(port, "engineer");
		int before = visits();

		assertThat(engineer.submit("/equipment", "/equipment/" + elevator + "/visits", "maintainedOn="
				+ today().plusDays(1) + "&technician=" + encode("李师傅") + "&workDone=" + encode("半月保养")).statusCode())
			.as("a visit in the future").isEqualTo(422);
		assertThat(engineer.submit("/equipment", "/equipment/" + elevator + "/visits",
				"maintainedOn=" + today() + "&technician=&workDone=").statusCode()).isEqualTo(400);
		assertThat(visits()).isEqualTo(before);
		assertThat(engineer.submit("/equipment", "/equipment/" + elevator + "/visits", "maintainedOn=" + today()
				+ "&technician=" + encode("李师傅") + "&workDone=" + encode("半月保养，更换门机皮带")).statusCode()).isEqualTo(302);
		long visit = jdbc.queryForObject("select max(id) from equipment_maintenance", Long.class);

		assertThat(engineer.submit("/equipment", "/equipment/visits/" + visit + "/countersignature", "x=1").statusCode())
			.as("not by who recorded it").isEqualTo(422);
		assertThat(WebSession.loggedIn(port, "manager")
			.submit("/equipment", "/equipment/visits/" + visit + "/countersignature", "x=1")
			.statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForObject("select countersigned_by from equipment_maintenance where id = ?", String.class, visit))
			.isEqualTo("manager");
		assertThat(engineer.get("/equipment").body()).contains("李师傅", "半月保养，更换门机皮带");
	}

	@Test
	void shouldOpenTheRoundPagesToTheirRolesOnly() {
		for (String user : List.of("guard", "engineer", "cleaner", "manager", "director", "auditor")) {
			assertThat(WebSession.loggedIn(port, user).get("/rounds").statusCode()).as(user).isEqualTo(200);
		}
		for (String user : List.of("receptionist", "cashier")) {
			assertThat(WebSession.loggedIn(port, user).get("/rounds").statusCode()).as(user).isEqualTo(403);
		}
		for (String user : List.of("engineer", "manager", "director", "auditor")) {
			assertThat(WebSession.loggedIn(port, user).get("/equipment").statusCode()).as(user).isEqualTo(200);
		}
		assertThat(WebSession.loggedIn(port, "guard").get("/equipment").statusCode()).isEqualTo(403);
	}

	/** A route of its own for each test, so that the schedule's rounds never collide with it. */
	private Route route() {
		String name = "测试路线-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.update("insert into inspection_route (name, duty_group, active, estate_id)"
				+ " values (?, 'security', false, (select id from estate where code = 'TXC'))", name);
		long id = jdbc.queryForObject("select id from inspection_route where name = ?", Long.class, name);
		jdbc.update("""
				insert into inspection_checkpoint (route_id, position, name, kind, location, checklist, case_unit_number,
				       case_category) values (?, 1, '测试大堂', 'COMMON_AREA', '1号楼一层', '门禁正常；照明正常', '1-1-101', '公共设施'),
				                         (?, 2, '测试车库', 'COMMON_AREA', '地下一层', '无积水', '1-1-101', '停车')""", id, id);
		return new Route(id, name, "security", jdbc.queryForObject("select id from estate where code = \'TXC\'", Long.class));
	}

	private String processOf(String number) {
		return jdbc.queryForObject("select process_instance_id from inspection_round where round_number = ?", String.class,
				number);
	}

	private String status(String number) {
		return jdbc.queryForObject("select status from inspection_round where round_number = ?", String.class, number);
	}

	private int visits() {
		return jdbc.queryForObject("select count(*) from equipment_maintenance", Integer.class);
	}

	private List<String> candidateGroups(Task task) {
		return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
			.filter(group -> group != null).toList();
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
