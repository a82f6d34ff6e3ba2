package cn.tianxiacheng.servicecenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Test helpers: a JSON call to the running application as a demo staff member (password
 * {@code demo}), a task claimed and completed through {@code /engine-rest} as staff do,
 * process variables from key, value pairs, and waiting for the job executor.
 */
public final class StaffApi {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final ObjectMapper JSON = new ObjectMapper();

	private StaffApi() {
	}

	public static ResponseEntity<Map<String, Object>> call(TestRestTemplate rest, String user, HttpMethod method,
			String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), JSON_OBJECT);
	}

	/** Claims the task as the user and completes it with the variables, as Tasklist does; both must succeed. */
	public static void work(TestRestTemplate rest, String user, String taskId, Map<String, Object> variables) {
		assertThat(call(rest, user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim",
				"{\"userId\":\"" + user + "\"}").getStatusCode()).as("%s claims", user).isEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<Map<String, Object>> completed = call(rest, user, HttpMethod.POST,
				"/engine-rest/task/" + taskId + "/complete", completion(variables));
		assertThat(completed.getStatusCode()).as("%s completes: %s", user, completed.getBody())
			.isEqualTo(HttpStatus.NO_CONTENT);
	}

	/** The body of a task completion or variable write: {@code {"variables": {name: {"value": …}}}}. */
	public static String completion(Map<String, Object> variables) {
		Map<String, Object> typed = new LinkedHashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
		try {
			return JSON.writeValueAsString(Map.of("variables", typed));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	public static Map<String, Object> vars(Object... keysAndValues) {
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			variables.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return variables;
	}

	/**
	 * Waits until the job executor has run every job of the process instance that is due now
	 * (asynchronous steps), and fails on one that failed.
	 */
	public static void awaitJobs(ManagementService managementService, String processInstanceId) {
		long deadline = System.currentTimeMillis() + 20_000;
		while (System.currentTimeMillis() < deadline) {
			for (Job failed : managementService.createJobQuery().processInstanceId(processInstanceId).withException().list()) {
				throw new AssertionError("Job of " + processInstanceId + " failed: " + failed.getExceptionMessage());
			}
			if (managementService.createJobQuery().processInstanceId(processInstanceId).executable().count() == 0) {
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		throw new AssertionError("Jobs of " + processInstanceId + " still due after 20 s");
	}

	/**
	 * The call, made again after the wait a 429 of the login throttle names (a refused login did
	 * nothing), at most five times: for tests of something else that send many requests at once.
	 */
	public static <T> ResponseEntity<T> afterAnyLoginDelay(Supplier<ResponseEntity<T>> call) {
		ResponseEntity<T> answer = call.get();
		for (int retry = 0; retry < 5 && answer.getStatusCode().value() == 429; retry++) {
			String wait = answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
			try {
				Thread.sleep(1000L * (wait == null ? 1 : Long.parseLong(wait)));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
			answer = call.get();
		}
		return answer;
	}

}
