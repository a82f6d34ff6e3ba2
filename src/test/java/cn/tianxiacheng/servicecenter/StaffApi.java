package cn.tianxiacheng.servicecenter;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Test helpers: a JSON call to the running application as a demo staff member (password
 * {@code demo}), and process variables from key, value pairs.
 */
public final class StaffApi {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private StaffApi() {
	}

	public static ResponseEntity<Map<String, Object>> call(TestRestTemplate rest, String user, HttpMethod method,
			String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), JSON_OBJECT);
	}

	public static Map<String, Object> vars(Object... keysAndValues) {
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			variables.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return variables;
	}

}
