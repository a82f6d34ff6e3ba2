package cn.tianxiacheng.servicecenter.trust;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.OpenTasks.OpenTask;
import cn.tianxiacheng.servicecenter.StaffApi;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * A repair plan's decisions count only when the director made them: a review handed to an
 * engineer cannot be completed by him, and an acceptance slipped in without the director's task
 * (an administrator starting the process at the recording step) fails as an incident, enters no
 * final account and no expense.
 */
@IntegrationTest
class RepairPlanTrustIntegrationTests extends DecisionTestSupport {

	@Test
	void shouldNotLetAReviewHandedToAnEngineerBeCompletedByHim() {
		OpenTask review = openTasks.repairPlan();
		handOutsideItsGroups(review.taskId(), "engineer");

		var refused = StaffApi.call(rest, "engineer", HttpMethod.POST, "/engine-rest/task/" + review.taskId() + "/complete",
				StaffApi.completion(StaffApi.vars("planApproved", true, "opinion", "我批了")));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(taskService.createTaskQuery().taskId(review.taskId()).count()).isOne();
		assertThat(status(review)).isEqualTo("REVIEW");
	}

	@Test
	void shouldNotEnterAFinalAccountNoDirectorAccepted() {
		OpenTask review = openTasks.repairPlan();
		String businessKey = businessKey(review);

		String forged = startMidway(review, "{\"accepted\":{\"value\":true},\"finalAccount\":{\"value\":\"1.00\"},"
				+ "\"varianceExplanation\":{\"value\":\"x\"}}", "Task_RecordAcceptance");

		Job recording = awaitFailure(forged);
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

}
