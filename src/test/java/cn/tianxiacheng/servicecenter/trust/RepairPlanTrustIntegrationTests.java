package cn.tianxiacheng.servicecenter.trust;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A repair plan's decisions count only when the director made them: a review handed to an
 * engineer cannot be completed by him, and an acceptance slipped in without the director's task
 * (an administrator starting the process at the recording step) fails as an incident, enters no
 * final account and no expense.
 */
@IntegrationTest
class RepairPlanTrustIntegrationTests {

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
	void shouldNotLetAReviewHandedToAnEngineerBeCompletedByHim() {
		OpenTask review = openTasks.repairPlan();
		assertThat(StaffApi.call(rest, "manager", HttpMethod.POST, "/engine-rest/task/" + review.taskId() + "/assignee",
				"{\"userId\":\"engineer\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		var refused = StaffApi.call(rest, "engineer", HttpMethod.POST, "/engine-rest/task/" + review.taskId() + "/complete",
				StaffApi.completion(StaffApi.vars("planApproved", true, "opinion", "我批了")));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(taskService.createTaskQuery().taskId(review.taskId()).count()).isOne();
		assertThat(status(review)).isEqualTo("REVIEW");
	}

	@Test
	void shouldNotEnterAFinalAccountNoDirectorAccepted() {
		OpenTask review = openTasks.repairPlan();
		String businessKey = runtimeService.createProcessInstanceQuery()
			.processInstanceId(review.processInstanceId())
			.singleResult()
			.getBusinessKey();
		runtimeService.deleteProcessInstance(review.processInstanceId(), "test: replaced by a forged start");

		var forged = StaffApi.call(rest, "admin", HttpMethod.POST,
				"/engine-rest/process-definition/key/RepairPlanProcess/start",
				"{\"businessKey\":\"" + businessKey + "\",\"variables\":{\"accepted\":{\"value\":true},"
						+ "\"finalAccount\":{\"value\":\"1.00\"},\"varianceExplanation\":{\"value\":\"x\"}},"
						+ "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_RecordAcceptance\"}]}");
		assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.OK);

		Job recording = awaitFailure((String) forged.getBody().get("id"));
		assertThat(recording.getExceptionMessage()).contains("决定不算数");
		assertThat(jdbc.queryForObject("select final_account from repair_plan where plan_number = ?", java.math.BigDecimal.class,
				businessKey)).isNull();
		assertThat(jdbc.queryForObject("select count(*) from expense where reference = ?", Integer.class, businessKey))
			.isZero();
	}

	private String status(OpenTask task) {
		return jdbc.queryForObject("select status from repair_plan where process_instance_id = ?", String.class,
				task.processInstanceId());
	}

	private Job awaitFailure(String processInstanceId) {
		long deadline = System.currentTimeMillis() + 20_000;
		while (System.currentTimeMillis() < deadline) {
			List<Job> failed = managementService.createJobQuery().processInstanceId(processInstanceId).withException().list();
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
		throw new AssertionError("the forged acceptance was not refused");
	}

}
