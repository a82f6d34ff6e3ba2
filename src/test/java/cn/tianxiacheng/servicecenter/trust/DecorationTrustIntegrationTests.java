package cn.tianxiacheng.servicecenter.trust;

import static cn.tianxiacheng.servicecenter.StaffApi.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.OpenTasks.OpenTask;
import cn.tianxiacheng.servicecenter.StaffApi;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The decoration's trust boundary: a review counts only when engineering made it, a permit is
 * issued only for an approved and paid decoration, only the rules refuse, the fees go to the
 * decoration's own unit whatever the variables say, and no staff member moves the case on by a
 * message of their own.
 */
@IntegrationTest
class DecorationTrustIntegrationTests extends DecisionTestSupport {

	@Test
	void shouldNotLetAnEngineeringReviewHandedToReceptionBeCompleted() {
		OpenTask decoration = openTasks.decoration();
		StaffApi.work(rest, "receptionist", decoration.taskId(), vars("documentsResult", "COMPLETE", "opinion", "齐全"));
		Task review = task(decoration, "Task_EngineeringReview");
		handOutsideItsGroups(review.getId(), "receptionist2");

		var refused = StaffApi.call(rest, "receptionist2", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/complete",
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
		long otherUnit = jdbc.queryForObject(
				"select max(id) from unit where id <> ? and building_id in " + TIANXIACHENG_BUILDINGS, Long.class, ownUnit);
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

	/** The application's process replaced by one started mid-way, its variables claiming every decision. */
	private String forgedStartAt(OpenTask decoration, String activityId) {
		return startMidway(decoration, "{\"feesPaid\":{\"value\":true},\"approved\":{\"value\":true},"
				+ "\"refusedByRules\":{\"value\":true}}", activityId);
	}

	private Task task(OpenTask decoration, String taskKey) {
		return taskService.createTaskQuery().processInstanceId(decoration.processInstanceId()).taskDefinitionKey(taskKey)
			.singleResult();
	}

	private String status(OpenTask decoration) {
		return jdbc.queryForObject("select status from decoration where process_instance_id = ?", String.class,
				decoration.processInstanceId());
	}

}
