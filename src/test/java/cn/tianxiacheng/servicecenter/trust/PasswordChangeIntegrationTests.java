package cn.tianxiacheng.servicecenter.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.WebSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Setting a password, as the user and as the administrator, through {@code /engine-rest} and
 * the webapps' API: a weak password is refused (400, the rule in Chinese) with nothing changed;
 * the current password asked by a password change is throttled like a login; a changed password
 * ends the user's other sessions.
 */
@IntegrationTest
class PasswordChangeIntegrationTests extends IntegrationTestSupport {

	private static final String PASSWORD = "Right-Password-4711";

	private static final String NEW_PASSWORD = "Another-Password-0815";

	private static final String CLIENT = "198.18.0.1";

	@ParameterizedTest
	@CsvSource({ "1, 至少需要 8 个字符", "demo, 至少需要 8 个字符", "12345678, 过于常见", "Password1, 过于常见",
			"{user}, 不能与用户名相同" })
	void shouldRefuseAWeakPasswordWithNothingChanged(String weak, String rule) {
		String user = newReceptionist("pw", PASSWORD);
		String password = weak.replace("{user}", user);

		ResponseEntity<String> own = send(user, PASSWORD, HttpMethod.PUT, "/engine-rest/user/" + user + "/credentials",
				"{\"password\":\"" + password + "\",\"authenticatedUserPassword\":\"" + PASSWORD + "\"}");
		assertThat(own.getStatusCode()).as("the user's own change").isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(own.getBody()).contains("密码（password）", rule);

		ResponseEntity<String> byAdmin = send("admin", "demo", HttpMethod.PUT, "/engine-rest/user/" + user + "/credentials",
				"{\"password\":\"" + password + "\",\"authenticatedUserPassword\":\"demo\"}");
		assertThat(byAdmin.getStatusCode()).as("the administrator's change").isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(byAdmin.getBody()).contains(rule);

		String created = "new" + UUID.randomUUID().toString().substring(0, 8);
		ResponseEntity<String> creation = send("admin", "demo", HttpMethod.POST, "/engine-rest/user/create",
				"{\"profile\":{\"id\":\"" + created + "\",\"firstName\":\"新\",\"lastName\":\"员工\",\"email\":\"n@example.com\"},"
						+ "\"credentials\":{\"password\":\"" + password.replace(user, created) + "\"}}");
		assertThat(creation.getStatusCode()).as("a new user").isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(creation.getBody()).contains(rule);

		assertThat(identityService.createUserQuery().userId(created).count()).as("not created").isZero();
		assertThat(identityService.checkPassword(user, PASSWORD)).as("the password unchanged").isTrue();
	}

	@Test
	void shouldAcceptAGoodPasswordFromTheAdministrator() {
		String created = "new" + UUID.randomUUID().toString().substring(0, 8);
		ResponseEntity<String> creation = send("admin", "demo", HttpMethod.POST, "/engine-rest/user/create",
				"{\"profile\":{\"id\":\"" + created + "\",\"firstName\":\"新\",\"lastName\":\"员工\",\"email\":\"n@example.com\"},"
						+ "\"credentials\":{\"password\":\"" + PASSWORD + "\"}}");
		assertThat(creation.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(identityService.checkPassword(created, PASSWORD)).isTrue();
	}

	@Test
	void shouldThrottleTheCurrentPasswordOfAPasswordChange() {
		String user = newReceptionist("pw", PASSWORD);
		ResponseEntity<String> answer = null;
		for (int i = 0; i < 300 && (answer == null || answer.getStatusCode() != HttpStatus.TOO_MANY_REQUESTS); i++) {
			answer = send(user, PASSWORD, HttpMethod.PUT, "/engine-rest/user/" + user + "/credentials",
					"{\"password\":\"" + NEW_PASSWORD + "\",\"authenticatedUserPassword\":\"guess-" + i + "\"}");
			assertThat(answer.getStatusCode()).isIn(HttpStatus.BAD_REQUEST, HttpStatus.TOO_MANY_REQUESTS);
		}
		assertThat(answer.getStatusCode()).as("guessing the current password is slowed")
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(answer.getBody()).contains("登录失败次数过多");
		assertThat(identityService.checkPassword(user, PASSWORD)).as("the password unchanged").isTrue();
	}

	@Test
	void shouldEndTheOtherSessionsOfAUserWhosePasswordChanged() {
		String user = newReceptionist("pw", PASSWORD);
		WebSession old = WebSession.from(port, "198.51.200.1");
		WebSession changing = WebSession.from(port, "198.51.200.2");
		old.login(user, PASSWORD);
		changing.login(user, PASSWORD);
		assertThat(old.get("/api/units?size=1").statusCode()).isEqualTo(200);

		HttpResponse<String> change = changing.webapp("PUT", WebSession.WEBAPP_ENGINE + "/user/" + user + "/credentials",
				"{\"password\":\"" + NEW_PASSWORD + "\",\"authenticatedUserPassword\":\"" + PASSWORD + "\"}");
		assertThat(change.statusCode()).isEqualTo(204);

		HttpResponse<String> afterwards = old.get("/api/units?size=1");
		assertThat(afterwards.statusCode()).as("the old session is dead").isEqualTo(401);
		assertThat(afterwards.body()).contains("密码已修改，请重新登录");
		assertThat(old.get("/").headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).contains("/login"));
		assertThat(changing.get("/api/units?size=1").statusCode()).as("the session that changed it lives on")
			.isEqualTo(200);

		ResponseEntity<String> byAdmin = send("admin", "demo", HttpMethod.PUT, "/engine-rest/user/" + user + "/credentials",
				"{\"password\":\"" + PASSWORD + "\",\"authenticatedUserPassword\":\"demo\"}");
		assertThat(byAdmin.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(changing.get("/api/units?size=1").statusCode()).as("reset by the administrator: every session ends")
			.isEqualTo(401);
	}

	@Test
	void shouldEndTheSessionsOfADeletedUser() {
		String user = newReceptionist("pw", PASSWORD);
		WebSession session = WebSession.from(port, "198.51.200.3");
		session.login(user, PASSWORD);
		assertThat(session.get("/api/units?size=1").statusCode()).isEqualTo(200);

		assertThat(send("admin", "demo", HttpMethod.DELETE, "/engine-rest/user/" + user, null).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(session.get("/api/units?size=1").statusCode()).isEqualTo(401);
	}

	/** From a client of this test, so its failures slow no other test. */
	private ResponseEntity<String> send(String caller, String password, HttpMethod method, String path, String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("X-Forwarded-For", CLIENT);
		return rest.withBasicAuth(caller, password).exchange(path, method, new HttpEntity<>(json, headers), String.class);
	}

}
