package cn.tianxiacheng.servicecenter.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.OpenTasks;
import cn.tianxiacheng.servicecenter.OpenTasks.OpenTask;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Client errors on the engine's REST API are 4xx as on {@code /api}: an unknown id 404, a
 * task someone else claimed or already completed 409; and no answer carries SQL, a stack trace
 * or a class name, only a Chinese sentence.
 */
@IntegrationTest
class EngineErrorsIntegrationTests extends IntegrationTestSupport {

	@Autowired
	OpenTasks openTasks;

	@Test
	void shouldAnswer404ToUnknownIds() {
		assertClientError(post("receptionist", "/engine-rest/task/no-such-task/complete", "{}"), HttpStatus.NOT_FOUND);
		assertClientError(post("receptionist", "/engine-rest/task/no-such-task/claim", "{\"userId\":\"receptionist\"}"),
				HttpStatus.NOT_FOUND);
		assertClientError(StaffApi.call(rest, "manager", HttpMethod.GET, "/engine-rest/process-instance/no-such-instance",
				null), HttpStatus.NOT_FOUND);
		HttpResponse<String> webapp = WebSession.loggedIn(port, "receptionist")
			.webapp("POST", WebSession.WEBAPP_ENGINE + "/task/no-such-task/complete", "{}");
		assertThat(webapp.statusCode()).isEqualTo(404);
		assertClean(webapp.body());
	}

	@Test
	void shouldAnswer409ToALostClaimAndASecondCompletion() {
		OpenTask task = openTasks.complaint();
		assertThat(post("receptionist", "/engine-rest/task/" + task.taskId() + "/claim", "{\"userId\":\"receptionist\"}")
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertClientError(post("receptionist2", "/engine-rest/task/" + task.taskId() + "/claim",
				"{\"userId\":\"receptionist2\"}"), HttpStatus.CONFLICT);

		String resolved = StaffApi.completion(StaffApi.vars("decision", "RESOLVED", "opinion", "已解决"));
		assertThat(post("receptionist", "/engine-rest/task/" + task.taskId() + "/complete", resolved).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertClientError(post("receptionist", "/engine-rest/task/" + task.taskId() + "/complete", resolved),
				HttpStatus.CONFLICT);
	}

	@Test
	void shouldNeverShowSqlStackTracesOrClassNames() {
		for (String path : new String[] { "/engine-rest/task?sortBy=nonsense&sortOrder=asc",
				"/engine-rest/history/process-instance?startedAfter=not-a-date",
				"/engine-rest/task?processVariables=x_zz_1", "/engine-rest/process-definition/key/NoSuchProcess/xml" }) {
			ResponseEntity<Map<String, Object>> response = StaffApi.call(rest, "manager", HttpMethod.GET, path, null);
			assertThat(response.getStatusCode().is4xxClientError()).as(path).isTrue();
			assertClean(String.valueOf(response.getBody()));
		}
	}

	private ResponseEntity<Map<String, Object>> post(String user, String path, String body) {
		return StaffApi.call(rest, user, HttpMethod.POST, path, body);
	}

	private static void assertClientError(ResponseEntity<Map<String, Object>> response, HttpStatus status) {
		assertThat(response.getStatusCode()).isEqualTo(status);
		assertClean(String.valueOf(response.getBody()));
		assertThat(response.getBody().get("message").toString()).containsPattern("\\p{IsHan}");
	}

	private static void assertClean(String body) {
		assertThat(body).doesNotContainIgnoringCase("select ")
			.doesNotContain("Exception", "org.camunda", "java.", "at org.", "ENGINE-");
	}

}
