package cn.tianxiacheng.servicecenter.casework;

import static cn.tianxiacheng.servicecenter.StaffApi.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
 * One claim per case and dispatch to a named engineer: the visit goes to whoever set its
 * appointment; the engineering lead (or the manager) hands a repair only to an engineer; an engineer
 * cannot hand on what they do not hold; the engineer on the visit records their arrival once.
 */
@IntegrationTest
class DispatchIntegrationTests extends IntegrationTestSupport {

	@Test
	void shouldGiveTheVisitToTheEngineerWhoSetTheAppointment() {
		String caseNumber = registerRepair("2-1-2301");
		StaffApi.work(rest, "engineer2", openTask(caseNumber).getId(), appointment());

		Task visit = openTask(caseNumber);
		assertThat(visit.getTaskDefinitionKey()).isEqualTo(ServiceRequestProcess.Element.DO_WORK);
		assertThat(visit.getAssignee()).isEqualTo("engineer2");
		assertThat(myTasks("engineer2")).as("under 我的任务").contains(visit.getId());
		assertThat(myTasks("engineer")).doesNotContain(visit.getId());

		assertThat(StaffApi.call(rest, "engineer2", HttpMethod.POST, "/engine-rest/task/" + visit.getId() + "/unclaim", "")
			.getStatusCode()).as("the holder hands it back to the queue").isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(openTask(caseNumber).getAssignee()).isNull();
	}

	@Test
	void shouldLetTheLeadDispatchOnlyToAnEngineer() {
		String caseNumber = registerRepair("2-1-2302");
		String taskId = openTask(caseNumber).getId();

		ResponseEntity<Map<String, Object>> forged = assign("foreman", taskId, "guard");
		assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(String.valueOf(forged.getBody())).contains("转交给", "工程部");
		assertThat(assign("foreman", taskId, "nosuchuser").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(assign("manager", taskId, "receptionist").getStatusCode()).as("the manager too")
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(openTask(caseNumber).getAssignee()).as("nothing changed").isNull();

		assertThat(assign("foreman", taskId, "engineer2").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(openTask(caseNumber).getAssignee()).isEqualTo("engineer2");
		assertThat(assign("manager", taskId, "engineer").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(openTask(caseNumber).getAssignee()).isEqualTo("engineer");

		WebSession former = WebSession.loggedIn(port, "engineer2");
		assertThat(former.get("/").body()).as("the one who lost the task is told on 工作台")
			.contains(caseNumber, "已转交给赵磊");
	}

	@Test
	void shouldNotLetAnEngineerAssign() {
		String caseNumber = registerRepair("2-1-2303");
		String taskId = openTask(caseNumber).getId();

		ResponseEntity<Map<String, Object>> refused = assign("engineer", taskId, "engineer");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(String.valueOf(refused.getBody())).contains("转交任务");
		assertThat(assign("foreman", taskId, "engineer2").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(assign("engineer", taskId, "engineer").getStatusCode()).as("nor take it from a colleague")
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(openTask(caseNumber).getAssignee()).isEqualTo("engineer2");

		WebSession engineer = WebSession.loggedIn(port, "engineer");
		assertThat(engineer.submit("/cases/" + caseNumber, "/cases/" + caseNumber + "/tasks/" + taskId + "/hand-on",
				"to=engineer").statusCode()).isEqualTo(403);
		assertThat(openTask(caseNumber).getAssignee()).isEqualTo("engineer2");
	}

	@Test
	void shouldRecordTheArrivalOnceByTheSystemClock() {
		String caseNumber = registerRepair("2-1-2304");
		StaffApi.work(rest, "engineer", openTask(caseNumber).getId(), appointment());

		WebSession colleague = WebSession.loggedIn(port, "engineer2");
		assertThat(colleague.submit("/cases/" + caseNumber, "/cases/" + caseNumber + "/arrival", "x=1").statusCode())
			.as("only the engineer on the visit").isEqualTo(403);
		assertThat(arrivals(caseNumber)).isEmpty();

		WebSession engineer = WebSession.loggedIn(port, "engineer");
		assertThat(engineer.get("/cases/" + caseNumber).body()).contains("到场签到</button>");
		assertThat(engineer.submit("/cases/" + caseNumber, "/cases/" + caseNumber + "/arrival", "x=1").statusCode())
			.isEqualTo(302);
		List<Map<String, Object>> first = arrivals(caseNumber);
		assertThat(first).hasSize(1);
		assertThat(first.get(0)).containsEntry("ENGINEER", "engineer");

		assertThat(engineer.submit("/cases/" + caseNumber, "/cases/" + caseNumber + "/arrival", "x=1").statusCode())
			.as("a retry gives the first result").isEqualTo(302);
		assertThat(arrivals(caseNumber)).isEqualTo(first);
		String page = engineer.get("/cases/" + caseNumber).body();
		assertThat(page).contains("赵磊 于", "到场").doesNotContain("到场签到</button>");
		assertThat(jdbc.queryForObject("""
				select count(*) from case_step s join service_case c on c.id = s.case_id
				 where c.case_number = ? and s.step = '到场签到'""", Integer.class, caseNumber)).isOne();
		assertThat(WebSession.loggedIn(port, "auditor").get("/audit/cases/" + caseNumber).body()).contains("到场签到");
	}

	private List<Map<String, Object>> arrivals(String caseNumber) {
		return jdbc.queryForList("""
				select a.engineer as engineer, a.arrived_at as arrived_at from repair_arrival a
				  join service_case c on c.id = a.case_id where c.case_number = ?""", caseNumber);
	}

	private ResponseEntity<Map<String, Object>> assign(String user, String taskId, String to) {
		return StaffApi.call(rest, user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/assignee",
				"{\"userId\":\"" + to + "\"}");
	}

	private List<String> myTasks(String user) {
		ResponseEntity<List<Map<String, Object>>> tasks = rest.withBasicAuth(user, "demo")
			.exchange("/engine-rest/task?assignee=" + user, HttpMethod.GET, null,
					new org.springframework.core.ParameterizedTypeReference<>() {
					});
		return tasks.getBody().stream().map(task -> (String) task.get("id")).toList();
	}

	private Task openTask(String caseNumber) {
		return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
	}

	private static Map<String, Object> appointment() {
		return vars("appointmentAt", LocalDate.now().plusDays(1) + "T10:00", "opinion", "约明早十点");
	}

	private String registerRepair(String unitNumber) {
		Map<String, Object> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"SERVICE_REQUEST\",\"unitNumber\":\"" + unitNumber
						+ "\",\"contactName\":\"卫女士\",\"channel\":\"PHONE\",\"category\":\"水电维修\","
						+ "\"urgency\":\"NORMAL\",\"description\":\"厨房水管漏水\"}")
			.getBody();
		return (String) registered.get("caseNumber");
	}

}
