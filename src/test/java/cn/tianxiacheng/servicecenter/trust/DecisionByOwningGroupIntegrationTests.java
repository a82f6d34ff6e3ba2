package cn.tianxiacheng.servicecenter.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.OpenTasks.OpenTask;
import cn.tianxiacheng.servicecenter.OpenTasks;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.archive.OwnerArchives;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A decision counts only when a member of the group that owns it made it: the manager's
 * approval given to a receptionist cannot be completed by her, and a decision slipped in
 * without the owning group's task (an administrator starting the process mid-way) leaves the
 * record as it was: the service task that would act on it fails, visibly, as an incident.
 */
@IntegrationTest
class DecisionByOwningGroupIntegrationTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OwnerArchives archives;

	OpenTasks openTasks;

	@BeforeEach
	void openTasks() {
		openTasks = new OpenTasks(rest, runtimeService, taskService, managementService, jdbc, archives);
	}

	@Test
	void shouldNotLetAnApprovalHandedToSomeoneOutsideTheGroupBeCompleted() {
		OpenTask approval = openTasks.archiveAccess();
		assertThat(StaffApi.call(rest, "manager", HttpMethod.POST, "/engine-rest/task/" + approval.taskId() + "/assignee",
				"{\"userId\":\"receptionist\"}").getStatusCode()).as("the manager may hand a task on")
			.isEqualTo(HttpStatus.NO_CONTENT);

		var refused = StaffApi.call(rest, "receptionist", HttpMethod.POST,
				"/engine-rest/task/" + approval.taskId() + "/complete",
				StaffApi.completion(StaffApi.vars("approved", true, "opinion", "我自己批了")));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getBody().get("message").toString()).contains("服务中心经理");
		assertThat(taskService.createTaskQuery().taskId(approval.taskId()).count()).isOne();
		assertThat(accessStatus(approval)).isEqualTo("REQUESTED");
	}

	@Test
	void shouldNotCountAnApprovalThatNoManagerGave() {
		OpenTask request = openTasks.archiveAccess();
		String businessKey = businessKey(request);
		runtimeService.deleteProcessInstance(request.processInstanceId(), "test: replaced by a forged start");

		var forged = StaffApi.call(rest, "admin", HttpMethod.POST,
				"/engine-rest/process-definition/key/ArchiveAccessProcess/start",
				"{\"businessKey\":\"" + businessKey + "\",\"variables\":{\"approved\":{\"value\":true},"
						+ "\"kind\":{\"value\":\"CONSULT\"}},\"startInstructions\":[{\"type\":\"startBeforeActivity\","
						+ "\"activityId\":\"Task_RecordDecision\"}]}");
		assertThat(forged.getStatusCode()).as("the administrator may start mid-way").isEqualTo(HttpStatus.OK);

		Job decision = awaitFailure((String) forged.getBody().get("id"));
		assertThat(decision.getExceptionMessage()).contains("决定不算数");
		assertThat(accessStatus(request)).isEqualTo("REQUESTED");
	}

	@Test
	void shouldNotBillChargesThatNoEngineerRecorded() {
		OpenTask repair = openTasks.serviceRequest();
		String caseNumber = businessKey(repair);
		runtimeService.setVariable(repair.processInstanceId(), "chargeCode1", "REPAIR_MATERIAL");
		runtimeService.setVariable(repair.processInstanceId(), "chargeQuantity1", 60);

		var forged = StaffApi.call(rest, "admin", HttpMethod.POST,
				"/engine-rest/process-instance/" + repair.processInstanceId() + "/modification",
				"{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_IssueRepairBill\"},"
						+ "{\"type\":\"cancel\",\"activityId\":\"Task_ScheduleAppointment\"}]}");
		assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		awaitFailure(repair.processInstanceId());
		assertThat(jdbc.queryForObject("select coalesce(sum(amount), 0) from bill where period = ?", BigDecimal.class,
				caseNumber)).isZero();
	}

	@Test
	void shouldNotIssueAPassThatNoReceptionistReviewed() {
		OpenTask release = openTasks.goodsRelease();
		String passNumber = businessKey(release);
		runtimeService.deleteProcessInstance(release.processInstanceId(), "test: replaced by a forged start");

		var forged = StaffApi.call(rest, "admin", HttpMethod.POST,
				"/engine-rest/process-definition/key/GoodsReleaseProcess/start",
				"{\"businessKey\":\"" + passNumber + "\",\"variables\":{\"reviewResult\":{\"value\":\"APPROVE\"},"
						+ "\"moveOut\":{\"value\":false},\"inArrears\":{\"value\":false},"
						+ "\"validTo\":{\"value\":\"2099-01-01T00:00:00Z\"}},\"startInstructions\":[{\"type\":"
						+ "\"startBeforeActivity\",\"activityId\":\"Task_RecordReview\"}]}");
		assertThat(forged.getStatusCode()).as("the administrator may start mid-way").isEqualTo(HttpStatus.OK);

		Job review = awaitFailure((String) forged.getBody().get("id"));
		assertThat(review.getExceptionMessage()).contains("决定不算数");
		assertThat(jdbc.queryForObject("select status from release_pass where pass_number = ?", String.class, passNumber))
			.isEqualTo("REQUESTED");
	}

	@Test
	void shouldNotSignALeaseThatNoReceptionistChecked() {
		OpenTask application = openTasks.parkingLease();
		String leaseNumber = businessKey(application);
		runtimeService.deleteProcessInstance(application.processInstanceId(), "test: replaced by a forged start");

		var forged = StaffApi.call(rest, "admin", HttpMethod.POST,
				"/engine-rest/process-definition/key/ParkingLeaseProcess/start",
				"{\"businessKey\":\"" + leaseNumber + "\",\"variables\":{\"checkResult\":{\"value\":\"APPROVE\"}},"
						+ "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_RecordCheck\"}]}");
		assertThat(forged.getStatusCode()).as("the administrator may start mid-way").isEqualTo(HttpStatus.OK);

		Job check = awaitFailure((String) forged.getBody().get("id"));
		assertThat(check.getExceptionMessage()).contains("决定不算数");
		assertThat(jdbc.queryForObject("select status from parking_lease where lease_number = ?", String.class,
				leaseNumber)).isEqualTo("APPLIED");
		assertThat(jdbc.queryForObject("select count(*) from bill where period = ?", Integer.class, leaseNumber)).isZero();
	}

	private Job awaitFailure(String processInstanceId) {
		long deadline = System.currentTimeMillis() + 20_000;
		while (System.currentTimeMillis() < deadline) {
			List<Job> failed = managementService.createJobQuery().processInstanceId(processInstanceId).withException()
				.list();
			if (!failed.isEmpty()) {
				return failed.get(0);
			}
			sleep();
		}
		throw new AssertionError("the forged decision was not refused");
	}

	private String accessStatus(OpenTask access) {
		return jdbc.queryForObject("select status from archive_access where process_instance_id = ?", String.class,
				access.processInstanceId());
	}

	private String businessKey(OpenTask task) {
		return runtimeService.createProcessInstanceQuery().processInstanceId(task.processInstanceId()).singleResult()
			.getBusinessKey();
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
