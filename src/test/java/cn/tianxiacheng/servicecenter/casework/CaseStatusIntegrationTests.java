package cn.tianxiacheng.servicecenter.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The status a case shows in the case list (/cases) follows its process on every path, to the
 * end of its return visit: read from the list at each step, as the front desk reads it.
 */
@IntegrationTest
class CaseStatusIntegrationTests extends IntegrationTestSupport {

	static final String OPEN = "处理中";

	static final String CLOSED = "已办结";

	static final String REOPENED = "回访不满意，经理处理中";

	static final Map<String, String> USER_OF_GROUP = Map.of("reception", "receptionist", "engineering", "engineer",
			"security", "guard", "cleaning", "cleaner", "manager", "manager", "cashier", "cashier");

	@Test
	void complaintResolvedAtTheFirstResponseThenAHappyVisit() {
		String number = register("COMPLAINT", "1-1-301", "服务态度");
		assertStatus(number, OPEN);
		work(number, StaffApi.vars("decision", "RESOLVED", "opinion", "已当面致歉"));
		assertStatus(number, CLOSED);
		visit(number, true, 5);
		assertVisitEnded(number);
		assertStatus(number, CLOSED);
	}

	@Test
	void complaintDispatchedOwnerUnhappyManagerResolvesThenOwnerNeverReached() {
		String number = register("COMPLAINT", "1-1-302", "服务态度");
		work(number, StaffApi.vars("decision", "DISPATCH", "opinion", "转部门"));
		assertStatus(number, OPEN);
		work(number, StaffApi.vars("opinion", "已处理"));
		assertStatus(number, OPEN);
		work(number, StaffApi.vars("ownerConfirmed", false, "opinion", "业主不认可"));
		assertStatus(number, OPEN);
		work(number, StaffApi.vars("managerDecision", "RESOLVED", "opinion", "经理上门解释"));
		assertStatus(number, CLOSED);
		for (int attempt = 1; attempt <= ReturnVisitProcess.MAX_ATTEMPTS; attempt++) {
			visitNotReached(number);
			assertStatus(number, CLOSED);
		}
		assertVisitEnded(number);
		assertStatus(number, CLOSED);
	}

	@Test
	void complaintEscalatedThenAnUnhappyVisitThatTheManagerFollowsUp() {
		String number = register("COMPLAINT", "1-1-303", "收费争议");
		work(number, StaffApi.vars("decision", "ESCALATE", "opinion", "接待员无法答复"));
		assertStatus(number, OPEN);
		work(number, StaffApi.vars("managerDecision", "RESOLVED", "opinion", "已核对账目"));
		assertStatus(number, CLOSED);
		visit(number, true, 2);
		assertStatus(number, REOPENED);
		workVisit(number, StaffApi.vars("opinion", "已上门致歉并说明"));
		assertVisitEnded(number);
		assertStatus(number, CLOSED);
	}

	@Test
	void repairDoneAndConfirmedThenAHappyVisit() {
		String number = register("SERVICE_REQUEST", "1-1-401", "水电维修");
		assertStatus(number, OPEN);
		work(number, StaffApi.vars("appointmentAt", "2030-01-01T10:00", "opinion", "约好"));
		assertStatus(number, OPEN);
		work(number, StaffApi.vars("workResult", "DONE", "opinion", "已修好"));
		assertStatus(number, OPEN);
		work(number, StaffApi.vars("ownerConfirmed", true, "opinion", "业主确认"));
		assertStatus(number, CLOSED);
		visit(number, true, 4);
		assertVisitEnded(number);
		assertStatus(number, CLOSED);
	}

	@Test
	void repairSentBackThenCannotBeDoneThenAnUnhappyVisitThatTheManagerFollowsUp() {
		String number = register("SERVICE_REQUEST", "1-1-402", "水电维修");
		work(number, StaffApi.vars("appointmentAt", "2030-01-01T10:00", "opinion", "约好"));
		work(number, StaffApi.vars("workResult", "DONE", "opinion", "已修"));
		work(number, StaffApi.vars("ownerConfirmed", false, "opinion", "仍在滴水"));
		assertStatus(number, OPEN);
		work(number, StaffApi.vars("workResult", "CANNOT_DO", "opinion", "属开发商保修范围"));
		assertStatus(number, OPEN);
		work(number, StaffApi.vars("ownerConfirmed", true, "opinion", "已告知业主"));
		assertStatus(number, CLOSED);
		visit(number, true, 2);
		assertStatus(number, REOPENED);
		workVisit(number, StaffApi.vars("opinion", "经理协调开发商上门"));
		assertVisitEnded(number);
		assertStatus(number, CLOSED);
	}

	@Test
	void repairWhoseOwnerIsReachedOnTheSecondTry() {
		String number = register("SERVICE_REQUEST", "1-1-403", "水电维修");
		work(number, StaffApi.vars("appointmentAt", "2030-01-01T10:00", "opinion", "约好"));
		work(number, StaffApi.vars("workResult", "DONE", "opinion", "已修好"));
		work(number, StaffApi.vars("ownerConfirmed", true, "opinion", "业主确认"));
		visitNotReached(number);
		assertStatus(number, CLOSED);
		visit(number, true, 3);
		assertVisitEnded(number);
		assertStatus(number, CLOSED);
	}

	private String register(String type, String unit, String category) {
		Map<String, Object> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"unitNumber\":\"" + unit
						+ "\",\"contactName\":\"韩先生\",\"contactPhone\":\"13912345678\",\"channel\":\"PHONE\","
						+ "\"category\":\"" + category + "\",\"urgency\":\"NORMAL\",\"description\":\"状态测试\"}")
			.getBody();
		StaffApi.awaitJobs(managementService, (String) registered.get("processInstanceId"));
		return (String) registered.get("caseNumber");
	}

	/** Does the case's one open task as a member of the group it waits for. */
	private void work(String caseNumber, Map<String, Object> variables) {
		String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
			.singleResult().getId();
		Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
		StaffApi.work(rest, userFor(task), task.getId(), variables);
		StaffApi.awaitJobs(managementService, processInstanceId);
	}

	private void workVisit(String caseNumber, Map<String, Object> variables) {
		Task task = visitTask(caseNumber);
		StaffApi.work(rest, userFor(task), task.getId(), variables);
	}

	/** The return visit falls due (its timer), and reception records the call. */
	private void visit(String caseNumber, boolean reached, int satisfaction) {
		Task task = dueVisitTask(caseNumber);
		claim(task);
		assertThat(StaffApi.call(rest, "receptionist", HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete",
				"{\"variables\":{\"reached\":{\"value\":" + reached + "},\"satisfaction\":{\"value\":" + satisfaction
						+ ",\"type\":\"Long\"},\"opinion\":{\"value\":\"回访记录\"}}}")
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	private void visitNotReached(String caseNumber) {
		Task task = dueVisitTask(caseNumber);
		claim(task);
		assertThat(StaffApi.call(rest, "receptionist", HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete",
				"{\"variables\":{\"reached\":{\"value\":false},\"opinion\":{\"value\":\"无人接听\"}}}")
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	private void claim(Task task) {
		assertThat(StaffApi.call(rest, "receptionist", HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/claim",
				"{\"userId\":\"receptionist\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	/** Runs the visit's waiting timer (after closing, or the next day's try) and returns its task. */
	private Task dueVisitTask(String caseNumber) {
		String visitId = visitInstance(caseNumber);
		managementService.createJobQuery().processInstanceId(visitId).timers().list()
			.forEach(job -> managementService.executeJob(job.getId()));
		return visitTask(caseNumber);
	}

	private Task visitTask(String caseNumber) {
		return taskService.createTaskQuery().processInstanceId(visitInstance(caseNumber)).singleResult();
	}

	private String visitInstance(String caseNumber) {
		return runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(ReturnVisitProcess.businessKey(caseNumber)).singleResult().getId();
	}

	private void assertVisitEnded(String caseNumber) {
		assertThat(runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(ReturnVisitProcess.businessKey(caseNumber)).count()).isZero();
	}

	private String userFor(Task task) {
		return taskService.getIdentityLinksForTask(task.getId()).stream()
			.map(IdentityLink::getGroupId)
			.filter(USER_OF_GROUP::containsKey)
			.map(USER_OF_GROUP::get)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no candidate group for " + task.getTaskDefinitionKey()));
	}

	/** The status column of the case's row in the case list (its CSV export, filtered by the case's unit). */
	private void assertStatus(String caseNumber, String status) {
		String unit = jdbcUnit(caseNumber);
		String csv = WebSession.loggedIn(port, "receptionist").get("/cases?format=csv&unit=" + unit).body();
		String row = csv.lines().filter(line -> line.startsWith(caseNumber + ",")).findFirst()
			.orElseThrow(() -> new AssertionError(caseNumber + " is not in the case list"));
		assertThat(row.split(",")[5]).as("status of %s in the case list", caseNumber).isEqualTo(status);
	}

	private String jdbcUnit(String caseNumber) {
		return (String) StaffApi.call(rest, "receptionist", HttpMethod.GET, "/api/cases/" + caseNumber, null).getBody()
			.get("unitNumber");
	}

}
