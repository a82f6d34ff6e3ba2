package cn.tianxiacheng.servicecenter.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.tianxiacheng.servicecenter.EngineTables;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Cases on the running application, through its REST APIs, as the staff would work them.
 */
@IntegrationTest
class CaseworkIntegrationTests extends IntegrationTestSupport {

	static final String PHONE = "13912345678";

	private static final Map<String, String> USER_OF_GROUP = Map.of("reception", "receptionist", "cleaning", "cleaner",
			"engineering", "engineer", "security", "guard", "manager", "manager");

	@Autowired
	RoutineVisits routineVisits;

	@Test
	void shouldListTheCategories() {
		ResponseEntity<List<String>> categories = rest.withBasicAuth("receptionist", "demo")
			.exchange("/api/cases/categories", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
			});
		assertThat(categories.getBody()).contains("水电维修", "门窗维修", "电梯", "收费争议", "服务态度", "其他").hasSize(13);
	}

	@Test
	void shouldRegisterACaseWithAReadableNumberAndNoPhoneInTheEngine() {
		ResponseEntity<Map<String, Object>> registered = register(UUID.randomUUID().toString(), "SERVICE_REQUEST",
				"1-1-502", "水电维修", "厨房水管漏水");

		assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.OK);
		String caseNumber = (String) registered.getBody().get("caseNumber");
		assertThat(caseNumber).matches("TXC-BX-\\d{8}-\\d{4}");
		String processInstanceId = (String) registered.getBody().get("processInstanceId");
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
			.getBusinessKey()).isEqualTo(caseNumber);
		assertThat(taskService.createTaskQuery().processInstanceId(processInstanceId).taskCandidateGroup("engineering")
			.count()).isEqualTo(1);
		assertThat((String) runtimeService.getVariable(processInstanceId, CaseVariables.RECENT_STEPS))
			.as("the first task's form shows the intake").contains("受理登记（电话）");
		assertThat(runtimeService.getVariables(processInstanceId).values()).noneMatch(v -> String.valueOf(v).contains(PHONE));
		assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where text_ like ?", Integer.class, "%" + PHONE + "%"))
			.isZero();

		Map<String, Object> asManager = call("manager", HttpMethod.GET, "/api/cases/" + caseNumber, null).getBody();
		assertThat(asManager).containsEntry("contactPhone", PHONE).containsEntry("unitNumber", "1-1-502");
		Map<String, Object> asEngineer = call("engineer", HttpMethod.GET, "/api/cases/" + caseNumber, null).getBody();
		assertThat(asEngineer).containsEntry("contactPhone", "139****5678");
	}

	@Test
	void shouldRefuseBadIntakeWithAClearMessageAndMakeNoCase() {
		int cases = count();

		assertRefused(register(UUID.randomUUID().toString(), "COMPLAINT", "9-9-9999", "噪音扰民", "楼上装修"),
				HttpStatus.UNPROCESSABLE_ENTITY, "没有房号");
		assertRefused(register(UUID.randomUUID().toString(), "COMPLAINT", "1-1-502", "噪音扰民", ""),
				HttpStatus.BAD_REQUEST, "问题描述不能为空");
		assertRefused(register(UUID.randomUUID().toString(), "COMPLAINT", "1-1-502", "天气", "太热"),
				HttpStatus.UNPROCESSABLE_ENTITY, "未知的类别");
		assertRefused(register(UUID.randomUUID().toString(), "PRAISE", "1-1-502", "其他", "表扬"),
				HttpStatus.BAD_REQUEST, "type 只能是");

		assertThat(count()).isEqualTo(cases);
	}

	@Test
	void shouldMakeOneCaseForTwentyParallelRetries() throws Exception {
		String requestId = UUID.randomUUID().toString();
		ExecutorService pool = Executors.newFixedThreadPool(10);
		List<Object> numbers = new ArrayList<>();
		try {
			List<Callable<ResponseEntity<Map<String, Object>>>> calls = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				calls.add(() -> register(requestId, "COMPLAINT", "2-1-1101", "噪音扰民", "夜间施工噪音"));
			}
			for (Future<ResponseEntity<Map<String, Object>>> answer : pool.invokeAll(calls)) {
				assertThat(answer.get().getStatusCode()).isEqualTo(HttpStatus.OK);
				numbers.add(answer.get().getBody().get("caseNumber"));
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(numbers).hasSize(20).containsOnly(numbers.get(0));
		assertThat(jdbc.queryForObject("select count(*) from service_case where request_id = ?", Integer.class, requestId))
			.isEqualTo(1);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey((String) numbers.get(0)).count())
			.isEqualTo(1);
	}

	@Test
	void shouldRegisterACaseFromTheTasklistStartForm() {
		ResponseEntity<Map<String, Object>> started = call("receptionist", HttpMethod.POST,
				"/engine-rest/process-definition/key/ComplaintProcess/submit-form",
				"{\"variables\":{\"unitNumber\":{\"value\":\"2-2-1203\"},"
						+ "\"channel\":{\"value\":\"VISIT\"},\"category\":{\"value\":\"环境卫生\"},"
						+ "\"urgency\":{\"value\":\"NORMAL\"},\"description\":{\"value\":\"楼道垃圾未清\"}}}");

		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		String businessKey = (String) started.getBody().get("businessKey");
		assertThat(businessKey).matches("TXC-TS-\\d{8}-\\d{4}");
		assertThat(jdbc.queryForObject("select registered_by from service_case where case_number = ?", String.class,
				businessKey)).isEqualTo("receptionist");
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskCandidateGroup("reception")
			.count()).isEqualTo(1);
		assertThat(call("receptionist", HttpMethod.GET, "/api/cases/my-latest", null).getBody())
			.as("Tasklist's notification gets the number").containsEntry("caseNumber", businessKey);
		assertThat(call("cleaner", HttpMethod.GET, "/api/cases/my-latest", null).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);

		ResponseEntity<Map<String, Object>> badUnit = call("receptionist", HttpMethod.POST,
				"/engine-rest/process-definition/key/ComplaintProcess/submit-form",
				"{\"variables\":{\"unitNumber\":{\"value\":\"9-9-9999\"},"
						+ "\"channel\":{\"value\":\"VISIT\"},\"category\":{\"value\":\"环境卫生\"},"
						+ "\"urgency\":{\"value\":\"NORMAL\"},\"description\":{\"value\":\"x\"}}}");
		// Camunda's REST answers a failed start with 500; Tasklist shows its message to the receptionist.
		assertThat((String) badUnit.getBody().get("message")).contains("没有房号为“9-9-9999”的房屋");
		assertThat(jdbc.queryForObject("select count(*) from service_case where description = 'x'", Integer.class))
			.as("nothing is created").isZero();
	}

	@Test
	void shouldWorkACaseFromIntakeThroughEscalationToAnUnhappyReturnVisit() {
		String caseNumber = (String) register(UUID.randomUUID().toString(), "COMPLAINT", "3-1-901", "收费争议",
				"对上月公摊电费有异议").getBody().get("caseNumber");
		String complaintId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
			.singleResult().getId();

		Task firstResponse = task(complaintId);
		assertThat(post("receptionist", "/engine-rest/task/" + firstResponse.getId() + "/claim",
				"{\"userId\":\"receptionist\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(post("receptionist", "/engine-rest/task/" + firstResponse.getId() + "/complete",
				variables("decision", "ESCALATE", "opinion", "业主要求经理答复")).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		Task managerTask = task(complaintId);
		assertThat(managerTask.getTaskDefinitionKey()).isEqualTo(ComplaintProcess.Element.MANAGER_HANDLES);
		assertThat(post("receptionist", "/engine-rest/task/" + managerTask.getId() + "/complete",
				variables("managerDecision", "RESOLVED", "opinion", "越权")).getStatusCode())
			.as("a receptionist cannot do the manager's work").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(post("auditor", "/engine-rest/task/" + managerTask.getId() + "/complete",
				variables("managerDecision", "RESOLVED", "opinion", "x")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(post("manager", "/engine-rest/task/" + managerTask.getId() + "/claim", "{\"userId\":\"manager\"}")
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(post("manager", "/engine-rest/task/" + managerTask.getId() + "/complete",
				variables("managerDecision", "RESOLVED", "opinion", "已核对账目并向业主解释")).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(complaintId).count()).isZero();

		String visitId = runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(ReturnVisitProcess.businessKey(caseNumber)).singleResult().getId();
		Job visitDue = managementService.createJobQuery().processInstanceId(visitId).singleResult();
		managementService.executeJob(visitDue.getId());
		Task visit = task(visitId);
		assertThat(post("receptionist", "/engine-rest/task/" + visit.getId() + "/claim", "{\"userId\":\"receptionist\"}")
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(post("receptionist", "/engine-rest/task/" + visit.getId() + "/complete",
				"{\"variables\":{\"reached\":{\"value\":true},\"satisfaction\":{\"value\":1,\"type\":\"Long\"},"
						+ "\"opinion\":{\"value\":\"解释不清楚\"}}}").getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		Task backWithManager = task(visitId);
		assertThat(backWithManager.getTaskDefinitionKey()).isEqualTo(ReturnVisitProcess.Element.MANAGER_FOLLOW_UP);
		assertThat((String) runtimeService.getVariable(visitId, CaseVariables.RECENT_STEPS))
			.as("the manager's form shows why the case came back").contains("回访不满意，重新打开");
		assertThat(taskService.getIdentityLinksForTask(backWithManager.getId()))
			.anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("manager"));
		Map<String, Object> theCase = call("auditor", HttpMethod.GET, "/api/cases/" + caseNumber, null).getBody();
		assertThat(theCase).containsEntry("status", "REOPENED");
		assertThat((List<?>) theCase.get("steps")).hasSizeGreaterThanOrEqualTo(4);

		ResponseEntity<List<Map<String, Object>>> history = rest.withBasicAuth("auditor", "demo").exchange(
				"/engine-rest/history/task?processInstanceId=" + complaintId, HttpMethod.GET, null,
				new ParameterizedTypeReference<>() {
				});
		assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(history.getBody()).extracting(t -> t.get("assignee")).contains("receptionist", "manager");
		assertThat(post("auditor", "/engine-rest/task/" + backWithManager.getId() + "/claim", "{\"userId\":\"auditor\"}")
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	/**
	 * Names stay in the case's record: after a complaint registered through the API and a repair
	 * started from Tasklist's start form (its contact recorded on the case page), each worked from
	 * intake to its return visit, no column of Camunda's tables holds either contact's name.
	 */
	@Test
	void shouldLeaveNoContactNameInTheEngineAfterACaseIsWorkedToItsReturnVisit() throws Exception {
		String complaintContact = "司马青云";
		String repairContact = "上官紫燕";
		ResponseEntity<Map<String, Object>> complaint = call("receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"COMPLAINT\",\"unitNumber\":\"2-1-602\","
						+ "\"contactName\":\"" + complaintContact + "\",\"contactPhone\":\"" + PHONE + "\","
						+ "\"channel\":\"PHONE\",\"category\":\"环境卫生\",\"urgency\":\"NORMAL\","
						+ "\"description\":\"楼道堆放杂物\"}");
		assertThat(complaint.getStatusCode()).isEqualTo(HttpStatus.OK);
		String complaintNumber = (String) complaint.getBody().get("caseNumber");
		String complaintId = (String) complaint.getBody().get("processInstanceId");
		workAsItsGroup(complaintId, Map.of("decision", "DISPATCH", "opinion", "已联系环境部"));
		workAsItsGroup(complaintId, Map.of("opinion", "已清理"));
		workAsItsGroup(complaintId, Map.of("ownerConfirmed", true, "opinion", "业主确认"));
		visit(complaintNumber);

		ResponseEntity<Map<String, Object>> repair = call("receptionist", HttpMethod.POST,
				"/engine-rest/process-definition/key/ServiceRequestProcess/submit-form",
				StaffApi.completion(Map.of("unitNumber", "2-1-602", "channel", "VISIT", "category", "水电维修", "urgency",
						"NORMAL", "description", "卫生间地漏返水")));
		assertThat(repair.getStatusCode()).isEqualTo(HttpStatus.OK);
		String repairNumber = (String) repair.getBody().get("businessKey");
		String repairId = (String) repair.getBody().get("id");
		WebSession reception = WebSession.loggedIn(port, "receptionist");
		assertThat(reception.get("/cases/" + repairNumber).body()).as("the start form asked no contact")
			.contains("（未登记）");
		assertThat(reception.submit("/cases/" + repairNumber, "/cases/" + repairNumber + "/contact-name",
				"name=" + URLEncoder.encode(repairContact, StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
		assertThat(reception.get("/cases/" + repairNumber).body()).contains(repairContact);
		assertThat(WebSession.loggedIn(port, "engineer").get("/cases/" + repairNumber).body())
			.as("a group that does not call owners sees the family name").contains("上***").doesNotContain(repairContact);
		workAsItsGroup(repairId, Map.of("appointmentAt", "2030-01-01T10:00", "opinion", "已约好"));
		workAsItsGroup(repairId, Map.of("workResult", "DONE", "opinion", "已疏通"));
		StaffApi.awaitJobs(managementService, repairId);
		workAsItsGroup(repairId, Map.of("ownerConfirmed", true, "opinion", "业主确认"));
		visit(repairNumber);

		assertThat(EngineTables.columnsContaining(dataSource, complaintContact)).as("the complaint's contact").isEmpty();
		assertThat(EngineTables.columnsContaining(dataSource, repairContact)).as("the repair's contact").isEmpty();
		assertThat(EngineTables.columnsContaining(dataSource, repairNumber)).as("the search finds what is there")
			.isNotEmpty();
	}

	@Test
	void shouldBillAPaidRepairThroughTheFeeEngine() throws Exception {
		String caseNumber = (String) register(UUID.randomUUID().toString(), "SERVICE_REQUEST", "2-2-702", "水电维修",
				"更换厨房水龙头").getBody().get("caseNumber");
		String requestId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
			.singleResult().getId();
		StaffApi.work(rest, "engineer", task(requestId).getId(),
				Map.of("appointmentAt", "2030-01-01T10:00", "opinion", "约好"));
		StaffApi.work(rest, "engineer", task(requestId).getId(),
				Map.of("workResult", "DONE", "chargeCode1", "REPAIR_SERVICE", "chargeQuantity1", 1,
						"chargeCode2", "REPAIR_MATERIAL", "chargeQuantity2", 2, "opinion", "已更换"));

		StaffApi.awaitJobs(managementService, requestId);
		assertThat(task(requestId).getTaskDefinitionKey()).as("the job executor issued the bill")
			.isEqualTo(ServiceRequestProcess.Element.CONFIRM_WITH_OWNER);
		assertThat(jdbc.queryForObject("select sum(amount) from bill where period = ?", java.math.BigDecimal.class,
				caseNumber)).isEqualByComparingTo("150.00");
		assertThat(runtimeService.getVariable(requestId, "caseBillTotal")).isEqualTo("150.00");
	}

	@Test
	void shouldRefuseAnUnknownChargeItemWhenTheWorkIsRecordedAndChangeNothing() {
		String caseNumber = (String) register(UUID.randomUUID().toString(), "SERVICE_REQUEST", "2-2-703", "水电维修",
				"更换阀门").getBody().get("caseNumber");
		String requestId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
			.singleResult().getId();
		StaffApi.work(rest, "engineer", task(requestId).getId(),
				Map.of("appointmentAt", "2030-01-01T10:00", "opinion", "约好"));
		Task work = task(requestId);
		post("engineer", "/engine-rest/task/" + work.getId() + "/claim", "{\"userId\":\"engineer\"}");

		ResponseEntity<Map<String, Object>> refused = call("engineer", HttpMethod.POST,
				"/engine-rest/task/" + work.getId() + "/complete", StaffApi.completion(Map.of("workResult", "DONE",
						"chargeCode1", "MATERIAL_FEE*2", "chargeQuantity1", 1, "opinion", "已更换")));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("message").toString()).contains("不在本小区的收费项目中");
		assertThat(task(requestId).getId()).as("the work task is still open").isEqualTo(work.getId());
		assertThat(jdbc.queryForObject("select count(*) from bill where period = ?", Integer.class, caseNumber)).isZero();
	}

	@Test
	void shouldVisitAShareOfTheUnitsOnceAMonth() {
		List<Integer> occupiedPerEstate = jdbc.queryForList("""
				select count(*) from unit u join building b on b.id = u.building_id
				 where u.status = 'OCCUPIED' group by b.estate_id""", Integer.class);

		int started = routineVisits.startForThisMonth();

		assertThat(started).as("a share of each estate's units")
			.isEqualTo(occupiedPerEstate.stream().mapToInt(occupied -> (int) Math.ceil(occupied * 0.05)).sum());
		int again = routineVisits.startForThisMonth();
		long visits = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike("HF-ROUTINE-%")
			.count();
		assertThat(visits).as("drawn again, no unit is visited twice in a month").isEqualTo(started + again);
		assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike("HF-ROUTINE-%")
			.list().stream().map(i -> i.getBusinessKey()).distinct().count()).isEqualTo(visits);
		assertThat(taskService.createTaskQuery().processDefinitionKey(ReturnVisitProcess.KEY).count()).isZero();
		assertThat(managementService.createJobQuery().processDefinitionKey(ReturnVisitProcess.KEY).count())
			.isGreaterThanOrEqualTo(started);
	}

	/** The case's return visit, due after the case closed: its timer run now, the owner reached and satisfied. */
	private void visit(String caseNumber) {
		String caseId = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
			.singleResult().getId();
		StaffApi.awaitJobs(managementService, caseId);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseId).count()).as("closed").isZero();
		String visitId = runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(ReturnVisitProcess.businessKey(caseNumber)).singleResult().getId();
		managementService.executeJob(managementService.createJobQuery().processInstanceId(visitId).singleResult().getId());
		workAsItsGroup(visitId, Map.of("reached", true, ReturnVisitProcess.SATISFACTION, 5, "opinion", "满意"));
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(visitId).count()).isZero();
	}

	/** Claims and completes the instance's one open task as the demo user of its candidate group. */
	private void workAsItsGroup(String processInstanceId, Map<String, Object> variables) {
		Task open = task(processInstanceId);
		String group = taskService.getIdentityLinksForTask(open.getId()).stream()
			.filter(link -> link.getGroupId() != null).findFirst().orElseThrow().getGroupId();
		StaffApi.work(rest, USER_OF_GROUP.get(group), open.getId(), variables);
	}

	private Task task(String processInstanceId) {
		return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
	}

	private static String variables(String... keysAndValues) {
		StringBuilder json = new StringBuilder("{\"variables\":{");
		for (int i = 0; i < keysAndValues.length; i += 2) {
			json.append(i == 0 ? "" : ",").append('"').append(keysAndValues[i]).append("\":{\"value\":\"")
				.append(keysAndValues[i + 1]).append("\"}");
		}
		return json.append("}}").toString();
	}

	private static void assertRefused(ResponseEntity<Map<String, Object>> response, HttpStatus status, String message) {
		assertThat(response.getStatusCode()).isEqualTo(status);
		assertThat((String) response.getBody().get("detail")).contains(message);
	}

	private int count() {
		return jdbc.queryForObject("select count(*) from service_case", Integer.class);
	}

	private ResponseEntity<Map<String, Object>> register(String requestId, String type, String unit, String category,
			String description) {
		return call("receptionist", HttpMethod.POST, "/api/cases", "{\"requestId\":\"" + requestId + "\",\"type\":\""
				+ type + "\",\"unitNumber\":\"" + unit + "\",\"contactName\":\"王先生\",\"contactPhone\":\"" + PHONE
				+ "\",\"channel\":\"PHONE\",\"category\":\"" + category + "\",\"urgency\":\"NORMAL\",\"description\":\""
				+ description + "\"}");
	}

	private ResponseEntity<Map<String, Object>> post(String user, String path, String body) {
		return call(user, HttpMethod.POST, path, body);
	}

	private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, String body) {
		return StaffApi.call(rest, user, method, path, body);
	}

}
