package cn.tianxiacheng.servicecenter.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.tianxiacheng.servicecenter.EstateStaff;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.OpenTasks.OpenTask;
import cn.tianxiacheng.servicecenter.OpenTasks;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.dunning.FeeDunningProcess;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The auditor reads everything and changes nothing, and other staff reach the engine only for
 * Tasklist's work: job execution, retries, comments, signals, messages and profile or password
 * changes are refused (403) through {@code /engine-rest} and the webapps' API, and a refused
 * call changes nothing: the job keeps its retries, no incident, no operation logged.
 */
@IntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class RefusedCallsChangeNothingIntegrationTests extends IntegrationTestSupport {

	@Autowired
	OpenTasks openTasks;

	@Test
	void shouldRefuseTheAuditorEveryChangeAndLeaveNoTrace() {
		Job scan = managementService.createJobQuery().processDefinitionKey(FeeDunningProcess.SCAN_KEY).singleResult();
		OpenTask task = openTasks.complaint();
		long operations = historyService.createUserOperationLogQuery().count();
		String lastName = identityService.createUserQuery().userId("auditor").singleResult().getLastName();
		WebSession auditor = WebSession.loggedIn(port, "auditor");

		for (String[] call : List.of(new String[] { "POST", "/job/" + scan.getId() + "/execute", "" },
				new String[] { "PUT", "/job/" + scan.getId() + "/retries", "{\"retries\":0}" },
				new String[] { "PUT", "/job/" + scan.getId() + "/duedate", "{\"duedate\":\"2020-01-01T00:00:00.000+0000\"}" },
				new String[] { "POST", "/task/" + task.taskId() + "/comment/create", "{\"message\":\"审计意见\"}" },
				new String[] { "POST", "/signal", "{\"name\":\"anything\"}" },
				new String[] { "POST", "/message", "{\"messageName\":\"FeeBillingRequested\",\"businessKey\":\"B-1\"}" },
				new String[] { "PUT", "/user/auditor/profile",
						"{\"id\":\"auditor\",\"firstName\":\"改名\",\"lastName\":\"x\",\"email\":\"a@b.c\"}" },
				new String[] { "PUT", "/user/auditor/credentials",
						"{\"password\":\"new-secret-1\",\"authenticatedUserPassword\":\"demo\"}" })) {
			assertThat(StaffApi.call(rest, "auditor", HttpMethod.valueOf(call[0]), "/engine-rest" + call[1], call[2])
				.getStatusCode()).as("auditor %s %s through /engine-rest", call[0], call[1])
				.isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(auditor.webapp(call[0], WebSession.WEBAPP_ENGINE + call[1], call[2]).statusCode())
				.as("auditor %s %s through the webapps' API", call[0], call[1])
				.isEqualTo(403);
		}

		Job after = managementService.createJobQuery().jobId(scan.getId()).singleResult();
		assertThat(after.getRetries()).isEqualTo(scan.getRetries());
		assertThat(after.getExceptionMessage()).isNull();
		assertThat(after.getDuedate()).isEqualTo(scan.getDuedate());
		assertThat(runtimeService.createIncidentQuery().configuration(scan.getId()).count()).isZero();
		assertThat(taskService.getTaskComments(task.taskId())).isEmpty();
		assertThat(historyService.createUserOperationLogQuery().count()).isEqualTo(operations);
		assertThat(identityService.createUserQuery().userId("auditor").singleResult().getLastName()).isEqualTo(lastName);
		assertThat(rest.withBasicAuth("auditor", "demo").getForEntity("/engine-rest/task", String.class)
			.getStatusCode()).as("the password is unchanged").isEqualTo(HttpStatus.OK);
	}

	@ParameterizedTest
	@MethodSource("bothEstates")
	void shouldRefuseJobExecutionToStaffWithoutUsingARetry(EstateStaff estate) {
		Job scan = managementService.createJobQuery().processDefinitionKey(FeeDunningProcess.SCAN_KEY).singleResult();
		for (String user : List.of(estate.receptionist(), estate.cashier(), estate.manager(), estate.director())) {
			for (int i = 0; i < 3; i++) {
				assertThat(StaffApi.call(rest, user, HttpMethod.POST, "/engine-rest/job/" + scan.getId() + "/execute", "")
					.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
			}
		}
		Job after = managementService.createJobQuery().jobId(scan.getId()).singleResult();
		assertThat(after.getRetries()).isEqualTo(scan.getRetries());
		assertThat(runtimeService.createIncidentQuery().configuration(scan.getId()).count()).isZero();
	}

	@Test
	void shouldLetStaffCommentAndTheManagerHandATaskOn() {
		OpenTask task = openTasks.complaint();
		assertThat(StaffApi.call(rest, "receptionist", HttpMethod.POST,
				"/engine-rest/task/" + task.taskId() + "/comment/create", "{\"message\":\"业主下午再来电\"}").getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(StaffApi.call(rest, "guard", HttpMethod.POST, "/engine-rest/task/" + task.taskId() + "/comment/create",
				"{\"message\":\"不是我的任务\"}").getStatusCode().is4xxClientError()).as("not security's task").isTrue();
		assertThat(taskService.getTaskComments(task.taskId())).extracting(c -> c.getUserId()).containsOnly("receptionist");
		assertThat(StaffApi.call(rest, "manager", HttpMethod.POST, "/engine-rest/task/" + task.taskId() + "/assignee",
				"{\"userId\":\"receptionist2\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(StaffApi.call(rest, "receptionist", HttpMethod.POST, "/engine-rest/task/" + task.taskId() + "/assignee",
				"{\"userId\":\"receptionist\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

}
