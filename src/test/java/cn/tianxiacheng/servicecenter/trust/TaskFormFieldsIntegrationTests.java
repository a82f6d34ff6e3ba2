package cn.tianxiacheng.servicecenter.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cn.tianxiacheng.servicecenter.EstateStaff;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.OpenTasks;
import cn.tianxiacheng.servicecenter.OpenTasks.OpenTask;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A task takes only what its deployed form asks: completing it, submitting its form or writing
 * task or process variables through the task, by {@code /engine-rest} or the webapps' API, with
 * a field the form does not declare, a value outside the field's options or a required field
 * missing is refused with a 400 that names the field, and nothing changes. Tried on an open
 * task of every process that has user tasks; who may complete an approval, in 天下城 and in a
 * second estate.
 */
@IntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class TaskFormFieldsIntegrationTests extends IntegrationTestSupport {

	@Autowired
	OpenTasks openTasks;

	@Test
	void shouldRefuseAFieldTheFormDoesNotDeclareOnEveryRouteAndChangeNothing() {
		for (OpenTask task : openTasks.ofEveryProcess()) {
			assertThat(claim(task).getStatusCode()).as("%s claimed", task).isEqualTo(HttpStatus.NO_CONTENT);
			Map<String, Object> before = runtimeService.getVariables(task.processInstanceId());
			WebSession session = WebSession.loggedIn(port, task.user());
			String undeclared = StaffApi.completion(StaffApi.vars("unitId", 1L, "opinion", "顺手改一下"));

			for (String route : new String[] { "complete", "submit-form" }) {
				ResponseEntity<Map<String, Object>> refused = StaffApi.call(rest, task.user(), HttpMethod.POST,
						"/engine-rest/task/" + task.taskId() + "/" + route, undeclared);
				assertThat(refused.getStatusCode()).as("%s %s", task, route).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(refused.getBody().get("message").toString()).contains("unitId");
				assertThat(session.webapp("POST", WebSession.WEBAPP_ENGINE + "/task/" + task.taskId() + "/" + route,
						undeclared).statusCode()).as("%s %s through the webapps' API", task, route).isEqualTo(400);
			}
			assertThat(StaffApi.call(rest, task.user(), HttpMethod.POST, "/engine-rest/task/" + task.taskId() + "/variables",
					"{\"modifications\":{\"caseId\":{\"value\":7}}}").getStatusCode()).as("%s variables", task)
				.isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(StaffApi.call(rest, task.user(), HttpMethod.PUT,
					"/engine-rest/task/" + task.taskId() + "/localVariables/unitId", "{\"value\":7}").getStatusCode())
				.as("%s local variable", task).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(session.webapp("PUT", WebSession.WEBAPP_ENGINE + "/task/" + task.taskId() + "/variables/unitId",
					"{\"value\":7}").statusCode()).as("%s variable through the webapps' API", task).isEqualTo(400);
			assertThat(StaffApi.call(rest, task.user(), HttpMethod.DELETE,
					"/engine-rest/task/" + task.taskId() + "/variables/unitNumber", null).getStatusCode())
				.as("%s removing a variable", task).isEqualTo(HttpStatus.BAD_REQUEST);

			assertThat(taskService.createTaskQuery().taskId(task.taskId()).count()).as("%s still open", task).isOne();
			assertThat(runtimeService.getVariables(task.processInstanceId())).as("%s variables unchanged", task)
				.isEqualTo(before);
			assertThat(taskService.getVariablesLocal(task.taskId())).isEmpty();
		}
	}

	@Test
	void shouldRefuseAValueOutsideTheOptionsAndAMissingRequiredField() {
		OpenTask complaint = openTasks.complaint();
		claim(complaint);

		ResponseEntity<Map<String, Object>> outside = complete(complaint,
				StaffApi.vars("decision", "CLOSE_QUIETLY", "opinion", "已处理"));
		assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(outside.getBody().get("message").toString()).contains("处理方式", "CLOSE_QUIETLY");
		ResponseEntity<Map<String, Object>> missing = complete(complaint, StaffApi.vars("decision", "RESOLVED"));
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(missing.getBody().get("message").toString()).contains("请填写");
		assertThat(complete(complaint, StaffApi.vars("decision", true, "opinion", "已处理")).getStatusCode())
			.as("a value of the wrong kind").isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(taskService.createTaskQuery().taskId(complaint.taskId()).count()).isOne();

		assertThat(complete(complaint, StaffApi.vars("decision", "RESOLVED", "opinion", "当场向业主道歉，业主表示满意"))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@ParameterizedTest
	@MethodSource("bothEstates")
	void shouldLetOnlyTheClaimantOfTheOwningGroupComplete(EstateStaff estate) {
		OpenTask approval = openTasks.archiveAccess(estate);
		Map<String, Object> decision = StaffApi.vars("approved", true, "opinion", "同意");
		String receptionist = estate.receptionist();

		assertThat(complete(approval, decision).getStatusCode()).as("not claimed yet").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(StaffApi.call(rest, receptionist, HttpMethod.POST, "/engine-rest/task/" + approval.taskId() + "/claim",
				"{\"userId\":\"" + receptionist + "\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(StaffApi.call(rest, receptionist, HttpMethod.POST, "/engine-rest/task/" + approval.taskId() + "/claim",
				"{\"userId\":\"" + estate.manager() + "\"}").getStatusCode()).as("claiming for someone else")
			.isEqualTo(HttpStatus.FORBIDDEN);
		claim(approval);
		assertThat(StaffApi.call(rest, receptionist, HttpMethod.POST,
				"/engine-rest/task/" + approval.taskId() + "/complete", StaffApi.completion(decision)).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(complete(approval, decision).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	private ResponseEntity<Map<String, Object>> claim(OpenTask task) {
		return StaffApi.call(rest, task.user(), HttpMethod.POST, "/engine-rest/task/" + task.taskId() + "/claim",
				"{\"userId\":\"" + task.user() + "\"}");
	}

	private ResponseEntity<Map<String, Object>> complete(OpenTask task, Map<String, Object> variables) {
		return StaffApi.call(rest, task.user(), HttpMethod.POST, "/engine-rest/task/" + task.taskId() + "/complete",
				StaffApi.completion(variables));
	}

}
