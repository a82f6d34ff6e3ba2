package cn.tianxiacheng.servicecenter.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import cn.tianxiacheng.servicecenter.EstateStaff;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.OpenTasks.OpenTask;
import cn.tianxiacheng.servicecenter.StaffApi;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * A decision counts only when a member of the group that owns it made it: the manager's
 * approval given to a cashier cannot be completed by her (in 天下城 and in a second estate), and a decision slipped in
 * without the owning group's task (an administrator starting the process mid-way) leaves the
 * record as it was: the service task that would act on it fails, visibly, as an incident.
 */
@IntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class DecisionByOwningGroupIntegrationTests extends DecisionTestSupport {

	@ParameterizedTest
	@MethodSource("bothEstates")
	void shouldNotLetAnApprovalHandedToSomeoneOutsideTheGroupBeCompleted(EstateStaff estate) {
		OpenTask approval = openTasks.archiveAccess(estate);
		handOutsideItsGroups(approval.taskId(), estate.manager(), estate.cashier());

		var refused = StaffApi.call(rest, estate.cashier(), HttpMethod.POST,
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

		String forged = startMidway(request, "{\"approved\":{\"value\":true},\"kind\":{\"value\":\"CONSULT\"}}",
				"Task_RecordDecision");

		Job decision = awaitFailure(forged);
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

		String forged = startMidway(release, "{\"reviewResult\":{\"value\":\"APPROVE\"},\"moveOut\":{\"value\":false},"
				+ "\"inArrears\":{\"value\":false},\"validTo\":{\"value\":\"2099-01-01T00:00:00Z\"}}", "Task_RecordReview");

		Job review = awaitFailure(forged);
		assertThat(review.getExceptionMessage()).contains("决定不算数");
		assertThat(jdbc.queryForObject("select status from release_pass where pass_number = ?", String.class, passNumber))
			.isEqualTo("REQUESTED");
	}

	@Test
	void shouldNotSignALeaseThatNoReceptionistChecked() {
		OpenTask application = openTasks.parkingLease();
		String leaseNumber = businessKey(application);

		String forged = startMidway(application, "{\"checkResult\":{\"value\":\"APPROVE\"}}", "Task_RecordCheck");

		Job check = awaitFailure(forged);
		assertThat(check.getExceptionMessage()).contains("决定不算数");
		assertThat(jdbc.queryForObject("select status from parking_lease where lease_number = ?", String.class,
				leaseNumber)).isEqualTo("APPLIED");
		assertThat(jdbc.queryForObject("select count(*) from bill where period = ?", Integer.class, leaseNumber)).isZero();
	}

	private String accessStatus(OpenTask access) {
		return jdbc.queryForObject("select status from archive_access where process_instance_id = ?", String.class,
				access.processInstanceId());
	}

}
