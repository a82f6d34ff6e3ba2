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
 * A certificate is numbered only when a manager approved its seal (用印): the approval handed to a
 * receptionist cannot be completed by her, and a seal slipped in without the manager's task (an
 * administrator starting the process at the numbering step) fails as an incident and numbers
 * nothing.
 */
@IntegrationTest
class CertificateSealIntegrationTests {

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
	void shouldNotLetASealHandedToAReceptionistBeApprovedByHer() {
		OpenTask request = openTasks.assistanceRequest();
		StaffApi.work(rest, "receptionist", request.taskId(), StaffApi.vars("requesterVerified", true, "opinion", "核验通过"));
		StaffApi.awaitJobs(managementService, request.processInstanceId());
		String seal = taskService.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult().getId();
		assertThat(StaffApi.call(rest, "manager", HttpMethod.POST, "/engine-rest/task/" + seal + "/assignee",
				"{\"userId\":\"receptionist\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		var refused = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/engine-rest/task/" + seal + "/complete",
				StaffApi.completion(StaffApi.vars("sealApproved", true, "opinion", "我来盖章")));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(serialNumber(request)).isNull();
	}

	@Test
	void shouldNotNumberACertificateNoManagerSealed() {
		OpenTask request = openTasks.assistanceRequest();
		StaffApi.work(rest, "receptionist", request.taskId(), StaffApi.vars("requesterVerified", true, "opinion", "核验通过"));
		StaffApi.awaitJobs(managementService, request.processInstanceId());
		String businessKey = runtimeService.createProcessInstanceQuery()
			.processInstanceId(request.processInstanceId())
			.singleResult()
			.getBusinessKey();
		runtimeService.deleteProcessInstance(request.processInstanceId(), "test: replaced by a forged start");

		var forged = StaffApi.call(rest, "admin", HttpMethod.POST,
				"/engine-rest/process-definition/key/AssistanceRequestProcess/start",
				"{\"businessKey\":\"" + businessKey + "\",\"variables\":{\"sealApproved\":{\"value\":true}},"
						+ "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_RecordSealDecision\"}]}");
		assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.OK);

		Job numbering = awaitFailure((String) forged.getBody().get("id"));
		assertThat(numbering.getExceptionMessage()).contains("决定不算数");
		assertThat(serialNumber(request)).isNull();
	}

	private String serialNumber(OpenTask request) {
		return jdbc.queryForObject("""
				select c.serial_number from certificate c join assistance_request r on r.id = c.request_id
				 where r.process_instance_id = ?""", String.class, request.processInstanceId());
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
		throw new AssertionError("the forged seal was not refused");
	}

}
