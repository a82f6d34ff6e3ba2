package cn.tianxiacheng.servicecenter.trust;

import static cn.tianxiacheng.servicecenter.StaffApi.vars;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The decoration's trust boundary: a review counts only when engineering made it, a permit is
 * issued only for an approved and paid decoration, only the rules refuse, the fees go to the
 * decoration's own unit whatever the variables say, and no staff member moves the case on by a
 * message of their own.
 */
@IntegrationTest
class DecorationTrustIntegrationTests {

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
	void shouldNotLetAnEngineeringReviewHandedToReceptionBeCompleted() {
		OpenTask decoration = openTasks.decoration();
		StaffApi.work(rest, "receptionist", decoration.taskId(), vars("documentsResult", "COMPLETE", "opinion", "齐全"));
		Task review = task(decoration, "Task_EngineeringReview");
		assertThat(StaffApi.call(rest, "manager", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/assignee",
				"{\"userId\":\"receptionist\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		var refused = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/complete",
				StaffApi.completion(vars("engineeringDecision", "APPROVE", "opinion", "我替工程部批了")));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getBody().get("message").toString()).contains("工程部");
		assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isOne();
		assertThat(status(decoration)).isEqualTo("APPLIED");
	}

	@Test
	void shouldNotIssueAPermitThatNoReviewApprovedNorPaymentPaid() {
		OpenTask decoration = openTasks.decoration();
		String number = businessKey(decoration);

		Job refused = awaitFailure(forgedStartAt(decoration, "Task_IssuePermit"));

		assertThat(refused.getExceptionMessage()).contains("未获批准", "不能核发许可证");
		assertThat(jdbc.queryForObject("select permit_number from decoration where decoration_number = ?", String.class,
				number)).isNull();
	}

	@Test
	void shouldLetOnlyTheRulesRefuseAnApplication() {
		OpenTask decoration = openTasks.decoration();

		Job refused = awaitFailure(forgedStartAt(decoration, "Task_RefuseDecoration"));

		assertThat(refused.getExceptionMessage()).contains("规则并不禁止");
		assertThat(status(decoration)).isEqualTo("APPLIED");
	}

	@Test
	void shouldBillTheDecorationsUnitWhateverUnitIdSays() {
		OpenTask decoration = openTasks.decoration();
		String number = businessKey(decoration);
		long ownUnit = jdbc.queryForObject("select unit_id from decoration where decoration_number = ?", Long.class, number);
		long otherUnit = jdbc.queryForObject("select max(id) from unit where id <> ?", Long.class, ownUnit);
		StaffApi.work(rest, "receptionist", decoration.taskId(), vars("documentsResult", "COMPLETE", "opinion", "齐全"));
		StaffApi.work(rest, "engineer", task(decoration, "Task_EngineeringReview").getId(),
				vars("engineeringDecision", "APPROVE", "opinion", "同意"));
		StaffApi.awaitJobs(managementService, decoration.processInstanceId());
		assertThat(StaffApi.call(rest, "admin", HttpMethod.POST,
				"/engine-rest/process-instance/" + decoration.processInstanceId() + "/variables",
				"{\"modifications\":{\"unitId\":{\"value\":" + otherUnit + ",\"type\":\"Long\"}}}").getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		StaffApi.work(rest, "receptionist", task(decoration, "Task_SignAgreement").getId(),
				vars("agreementSigned", true, "prohibitedActsAcknowledged", true, "permittedHours",
						"8:00–12:00，14:00–18:00；法定节假日不得进行产生噪音的施工", "wasteRemoval", "SELF"));
		StaffApi.awaitJobs(managementService, decoration.processInstanceId());

		assertThat(jdbc.queryForObject("select count(*) from bill where period = ? and unit_id = ?", Integer.class, number,
				ownUnit)).isEqualTo(3);
		assertThat(jdbc.queryForObject("select count(*) from bill where period = ? and unit_id <> ?", Integer.class, number,
				ownUnit)).isZero();
	}

	@Test
	void shouldNotLetStaffSayTheFeesWerePaid() {
		OpenTask decoration = openTasks.decoration();
		String number = businessKey(decoration);

		for (String user : List.of("cashier", "manager")) {
			assertThat(StaffApi.call(rest, user, HttpMethod.POST, "/engine-rest/message", "{\"messageName\":\"DecorationFeesPaid\","
					+ "\"businessKey\":\"" + number + "\",\"all\":true}").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(StaffApi.call(rest, user, HttpMethod.POST, "/engine-rest/message",
					"{\"messageName\":\"DecorationViolationReported\",\"businessKey\":\"" + number + "\"}").getStatusCode())
				.isEqualTo(HttpStatus.FORBIDDEN);
		}
		assertThat(taskService.createTaskQuery().processInstanceId(decoration.processInstanceId()).singleResult().getId())
			.isEqualTo(decoration.taskId());
	}

	/** The administrator replaces the application's process with one started mid-way: the one route left. */
	private String forgedStartAt(OpenTask decoration, String activityId) {
		String number = businessKey(decoration);
		runtimeService.deleteProcessInstance(decoration.processInstanceId(), "test: replaced by a forged start");
		var forged = StaffApi.call(rest, "admin", HttpMethod.POST,
				"/engine-rest/process-definition/key/DecorationApprovalProcess/start",
				"{\"businessKey\":\"" + number + "\",\"variables\":{\"feesPaid\":{\"value\":true},\"approved\":{\"value\":true},"
						+ "\"refusedByRules\":{\"value\":true}},\"startInstructions\":[{\"type\":\"startBeforeActivity\","
						+ "\"activityId\":\"" + activityId + "\"}]}");
		assertThat(forged.getStatusCode()).as("the administrator may start mid-way").isEqualTo(HttpStatus.OK);
		return (String) forged.getBody().get("id");
	}

	private Job awaitFailure(String processInstanceId) {
		long deadline = System.currentTimeMillis() + 20_000;
		while (System.currentTimeMillis() < deadline) {
			List<Job> failed = managementService.createJobQuery().processInstanceId(processInstanceId).withException()
				.list();
			if (!failed.isEmpty()) {
				return failed.get(0);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		throw new AssertionError("the forged step was not refused");
	}

	private Task task(OpenTask decoration, String taskKey) {
		return taskService.createTaskQuery().processInstanceId(decoration.processInstanceId()).taskDefinitionKey(taskKey)
			.singleResult();
	}

	private String status(OpenTask decoration) {
		return jdbc.queryForObject("select status from decoration where decoration_number = ?", String.class,
				businessKey(decoration));
	}

	private String businessKey(OpenTask task) {
		return jdbc.queryForObject("select decoration_number from decoration where process_instance_id = ?", String.class,
				task.processInstanceId());
	}

}
