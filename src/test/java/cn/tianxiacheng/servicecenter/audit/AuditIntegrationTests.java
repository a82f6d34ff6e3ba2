package cn.tianxiacheng.servicecenter.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.casework.ComplaintProcess;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * After a scripted day of cases (one resolved at the counter, one escalated by its timer and
 * resolved by the manager, one repair billed and paid, one overdue and still open), the auditor
 * finds each by every criterion, reads each one's story in the order the engine recorded it, and
 * can change nothing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditIntegrationTests extends IntegrationTestSupport {

	private final Map<String, String> processInstances = new HashMap<>();

	private String resolved;

	private String escalated;

	private String repaired;

	private String overdue;

	@BeforeAll
	void scriptADay() {
		resolved = register("COMPLAINT", "3-1-501", "服务态度");
		StaffApi.work(rest, "receptionist", task(resolved).getId(),
				StaffApi.vars("decision", "RESOLVED", "opinion", "当面道歉，业主接受"));

		escalated = register("COMPLAINT", "3-1-502", "噪音扰民");
		managementService.executeJob(managementService.createJobQuery()
			.processInstanceId(task(escalated).getProcessInstanceId())
			.activityId(ComplaintProcess.Element.RESPONSE_OVERDUE)
			.singleResult()
			.getId());
		StaffApi.work(rest, "manager", task(escalated).getId(),
				StaffApi.vars("managerDecision", "RESOLVED", "opinion", "约谈楼上住户"));

		repaired = register("SERVICE_REQUEST", "3-1-503", "水电维修");
		StaffApi.work(rest, "engineer", task(repaired).getId(), StaffApi.vars("appointmentAt", "2030-01-01T10:00", "opinion", "约好"));
		StaffApi.work(rest, "engineer", task(repaired).getId(), StaffApi.vars("workResult", "DONE", "chargeCode1",
				"REPAIR_SERVICE", "chargeQuantity1", 1, "opinion", "换阀门"));
		StaffApi.awaitJobs(managementService, processInstances.get(repaired));
		Map<String, Object> bill = jdbc.queryForMap("select id, unit_id, amount from bill where period = ?", repaired);
		StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/payments", "{\"idempotencyKey\":\"" + UUID.randomUUID()
				+ "\",\"unitId\":" + bill.get("unit_id") + ",\"amount\":" + bill.get("amount")
				+ ",\"method\":\"CASH\",\"billIds\":[" + bill.get("id") + "]}");

		overdue = register("COMPLAINT", "3-1-504", "服务态度");
		taskService.setDueDate(task(overdue).getId(), Date.from(LocalDate.now().minusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()));
	}

	@Test
	void shouldFindTheDaysCasesByEachCriterion() {
		assertThat(numbers("caseNumber=" + escalated)).as("the case and its return visit")
			.containsExactlyInAnyOrder(escalated, "HF-" + escalated);
		assertThat(numbers("kind=ComplaintProcess&unit=3-1-501")).containsExactly(resolved);
		assertThat(numbers("kind=ServiceRequestProcess&unit=3-1-503")).containsExactly(repaired);
		assertThat(numbers("staff=manager&unit=3-1-502&kind=ComplaintProcess")).containsExactly(escalated);
		assertThat(numbers("staff=manager&unit=3-1-501&kind=ComplaintProcess")).isEmpty();
		assertThat(numbers("staff=刘强&unit=3-1-502&kind=ComplaintProcess"))
			.as("the manager by name").containsExactly(escalated);
		assertThat(numbers("escalated=true&unit=3-1-502&kind=ComplaintProcess")).containsExactly(escalated);
		assertThat(numbers("escalated=true&unit=3-1-501&kind=ComplaintProcess")).isEmpty();
		assertThat(numbers("overdue=true&unit=3-1-504&kind=ComplaintProcess")).containsExactly(overdue);
		assertThat(numbers("overdue=true&unit=3-1-501&kind=ComplaintProcess")).isEmpty();
		assertThat(numbers("state=COMPLETED&unit=3-1-501&kind=ComplaintProcess")).containsExactly(resolved);
		assertThat(numbers("state=ACTIVE&unit=3-1-504&kind=ComplaintProcess")).containsExactly(overdue);
		String today = LocalDate.now(clock).toString();
		assertThat(numbers("from=" + today + "&to=" + today + "&kind=ComplaintProcess&size=200"))
			.contains(resolved, escalated, overdue).doesNotContain(repaired);
		assertThat(numbers("from=" + LocalDate.now(clock).plusDays(1) + "&unit=3-1-501")).isEmpty();

		String csv = WebSession.loggedIn(port, "auditor").get("/audit?unit=3-1-502&format=csv").body();
		assertThat(csv).contains(escalated, "投诉处理", "是");
	}

	@Test
	void shouldTellEachStepOfACaseInTheOrderTheEngineRecordedIt() {
		Map<String, Object> story = StaffApi.call(rest, "auditor", HttpMethod.GET, "/api/audit/cases/" + escalated + "/story", null)
			.getBody();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> entries = (List<Map<String, Object>>) story.get("entries");
		// as instants: "…:07Z" (a whole second) sorts after "…:07.017Z" as text
		List<Instant> times = entries.stream().map(e -> Instant.parse((String) e.get("at"))).toList();
		assertThat(times).isSorted();
		assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("kind", "TIMER").containsEntry("name", "首次响应超时"));
		assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("kind", "TASK").containsEntry("actor", "manager")
			.containsEntry("activityId", ComplaintProcess.Element.MANAGER_HANDLES));
		assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("kind", "DECISION"));
		assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("kind", "VARIABLE").containsEntry("name", "意见")
			.containsEntry("details", "约谈楼上住户"));

		List<String> engineOrder = historyService.createHistoricActivityInstanceQuery()
			.processInstanceId((String) story.get("processInstanceId"))
			.orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc()
			.list().stream().map(HistoricActivityInstance::getActivityId).distinct().toList();
		@SuppressWarnings("unchecked")
		List<String> visited = (List<String>) story.get("visited");
		assertThat(visited).containsExactlyElementsOf(engineOrder);
		List<Object> storyOrder = entries.stream().map(e -> e.get("activityId")).filter(id -> id != null).distinct().toList();
		assertThat(engineOrder).containsSubsequence(storyOrder.stream().map(String.class::cast).toList());

		Map<String, Object> repair = StaffApi.call(rest, "manager", HttpMethod.GET, "/api/audit/cases/" + repaired + "/story", null)
			.getBody();
		assertThat(repair.toString()).contains("BILL", "PAYMENT", "engineer");

		String page = WebSession.loggedIn(port, "auditor").get("/audit/cases/" + escalated).body();
		assertThat(page).contains("<svg", "class=\"passed\"", "首次响应超时", "经理处理投诉", "刘强");
		assertThat(page).as("the gateways' answers on their flows").contains("class=\"flow-label\"", ">已解决<");
		assertThat(page).as("the case links to its return visit").contains("/audit/cases/HF-" + escalated);
		assertThat(WebSession.loggedIn(port, "auditor").get("/audit/cases/HF-" + escalated).body())
			.as("and the visit back to its case").contains("原案件", "/audit/cases/" + escalated + "\"");
		Matcher box = Pattern.compile("class=\"process-diagram\" viewBox=\"(\\S+) (\\S+) (\\S+) (\\S+)\"").matcher(page);
		assertThat(box.find()).isTrue();
		double left = Double.parseDouble(box.group(1));
		double top = Double.parseDouble(box.group(2));
		double right = left + Double.parseDouble(box.group(3));
		double bottom = top + Double.parseDouble(box.group(4));
		String complaint = repositoryService.createProcessDefinitionQuery().processDefinitionKey(ComplaintProcess.KEY)
			.latestVersion().singleResult().getId();
		assertThat(repositoryService.getBpmnModelInstance(complaint).getModelElementsByType(Waypoint.class))
			.as("every flow is inside the drawing").allSatisfy(point -> {
				assertThat(point.getX()).isBetween(left, right);
				assertThat(point.getY()).isBetween(top, bottom);
			});
		assertThat(WebSession.loggedIn(port, "director").get("/audit/cases/" + overdue).body()).contains("class=\"current\"",
				"已逾期");
	}

	/**
	 * Cases started before processes carried record ids only kept the contact's and the owners'
	 * names as variables; their history still has them. The story shows them as the personal-data
	 * rule allows: in clear to the manager, the family name only to the auditor and the director.
	 */
	@Test
	void shouldMaskTheNamesAnOlderCaseKeptInItsHistory() {
		String older = register("COMPLAINT", "3-1-901", "服务态度");
		runtimeService.setVariable(processInstances.get(older), "contactName", "诸葛明月");
		runtimeService.setVariable(processInstances.get(older), "ownerNames", "诸葛明月、上官云");

		for (String viewer : List.of("auditor", "director")) {
			String story = StaffApi.call(rest, viewer, HttpMethod.GET, "/api/audit/cases/" + older + "/story", null)
				.getBody()
				.toString();
			assertThat(story).as(viewer).contains("诸***", "诸***、上**").doesNotContain("诸葛明月", "上官云");
			assertThat(WebSession.loggedIn(port, viewer).get("/audit/cases/" + older).body()).as(viewer)
				.contains("诸***").doesNotContain("诸葛明月");
		}
		assertThat(StaffApi.call(rest, "manager", HttpMethod.GET, "/api/audit/cases/" + older + "/story", null)
			.getBody()
			.toString()).contains("诸葛明月、上官云");
	}

	@Test
	void shouldLetOnlyTheOversightRolesReadAndTheAuditorChangeNothing() {
		assertThat(StaffApi.call(rest, "receptionist", HttpMethod.GET, "/api/audit/cases", null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(WebSession.loggedIn(port, "cashier").get("/audit").statusCode()).isEqualTo(403);
		assertThat(StaffApi.call(rest, "auditor", HttpMethod.POST, "/api/cases", "{\"requestId\":\"" + UUID.randomUUID()
				+ "\",\"type\":\"COMPLAINT\",\"unitNumber\":\"3-1-505\",\"contactName\":\"审\",\"channel\":\"PHONE\","
				+ "\"category\":\"服务态度\",\"urgency\":\"NORMAL\",\"description\":\"x\"}").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		String open = task(overdue).getId();
		assertThat(StaffApi.call(rest, "auditor", HttpMethod.POST, "/engine-rest/task/" + open + "/claim",
				"{\"userId\":\"auditor\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(StaffApi.call(rest, "auditor", HttpMethod.DELETE,
				"/engine-rest/process-instance/" + task(overdue).getProcessInstanceId(), null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(taskService.createTaskQuery().taskId(open).singleResult().getAssignee()).isNull();
		String story = WebSession.loggedIn(port, "auditor").get("/audit/cases/" + overdue).body();
		assertThat(story.split("method=\"post\"", -1)).as("no form but the logout").hasSize(2);
	}

	private List<String> numbers(String query) {
		Map<String, Object> page = StaffApi.call(rest, "auditor", HttpMethod.GET, "/api/audit/cases?" + query, null).getBody();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> rows = (List<Map<String, Object>>) page.get("rows");
		return rows.stream().map(r -> (String) r.get("caseNumber")).toList();
	}

	private String register(String type, String unit, String category) {
		Map<String, Object> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"unitNumber\":\"" + unit
						+ "\",\"contactName\":\"何先生\",\"channel\":\"PHONE\",\"category\":\"" + category
						+ "\",\"urgency\":\"NORMAL\",\"description\":\"审计测试\"}").getBody();
		String caseNumber = (String) registered.get("caseNumber");
		processInstances.put(caseNumber, (String) registered.get("processInstanceId"));
		StaffApi.awaitJobs(managementService, (String) registered.get("processInstanceId"));
		return caseNumber;
	}

	private Task task(String caseNumber) {
		return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
	}

}
