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
 * A certificate is numbered only when a manager approved its seal (用印): the approval handed to a
 * receptionist cannot be completed by her, and a seal slipped in without the manager's task (an
 * administrator starting the process at the numbering step) fails as an incident and numbers
 * nothing.
 */
@IntegrationTest
class CertificateSealIntegrationTests extends DecisionTestSupport {

	@Test
	void shouldNotLetASealHandedToAReceptionistBeApprovedByHer() {
		OpenTask request = openTasks.assistanceRequest();
		StaffApi.work(rest, "receptionist", request.taskId(), StaffApi.vars("requesterVerified", true, "opinion", "核验通过"));
		StaffApi.awaitJobs(managementService, request.processInstanceId());
		String seal = taskService.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult().getId();
		handOutsideItsGroups(seal, "receptionist2");

		var refused = StaffApi.call(rest, "receptionist2", HttpMethod.POST, "/engine-rest/task/" + seal + "/complete",
				StaffApi.completion(StaffApi.vars("sealApproved", true, "opinion", "我来盖章")));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(serialNumber(request)).isNull();
	}

	@Test
	void shouldNotNumberACertificateNoManagerSealed() {
		OpenTask request = openTasks.assistanceRequest();
		StaffApi.work(rest, "receptionist", request.taskId(), StaffApi.vars("requesterVerified", true, "opinion", "核验通过"));
		StaffApi.awaitJobs(managementService, request.processInstanceId());

		String forged = startMidway(request, "{\"sealApproved\":{\"value\":true}}", "Task_RecordSealDecision");

		Job numbering = awaitFailure(forged);
		assertThat(numbering.getExceptionMessage()).contains("决定不算数");
		assertThat(serialNumber(request)).isNull();
	}

	private String serialNumber(OpenTask request) {
		return jdbc.queryForObject("""
				select c.serial_number from certificate c join assistance_request r on r.id = c.request_id
				 where r.process_instance_id = ?""", String.class, request.processInstanceId());
	}

}
