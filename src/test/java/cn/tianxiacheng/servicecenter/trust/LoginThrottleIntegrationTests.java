package cn.tianxiacheng.servicecenter.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Failed logins slow the attacker and never lock the owner out for good: after 300 wrong
 * passwords for {@code cleaner} from one address, the owner logs in at once from her own
 * address, and from the attacker's address after at most the stated delay.
 */
@IntegrationTest
class LoginThrottleIntegrationTests {

	private static final String ATTACKER = "203.0.113.7";

	@Autowired
	TestRestTemplate rest;

	@Test
	void shouldLetTheOwnerLogInAfterThreeHundredWrongPasswords() throws InterruptedException {
		int refused = 0;
		for (int i = 0; i < 300; i++) {
			ResponseEntity<String> attempt = login("cleaner", "guess-" + i, ATTACKER);
			assertThat(attempt.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
			refused++;
		}
		assertThat(refused).isEqualTo(300);
		assertThat(login("cleaner", "demo", ATTACKER).getStatusCode()).as("the attacker's address waits")
			.isEqualTo(HttpStatus.UNAUTHORIZED);

		assertThat(login("cleaner", "demo", "198.51.100.20").getStatusCode()).as("the owner at her own address")
			.isEqualTo(HttpStatus.OK);

		Thread.sleep(Duration.parse(IntegrationTest.LOGIN_MAX_DELAY).toMillis() + 300);
		assertThat(login("cleaner", "demo", ATTACKER).getStatusCode()).as("after the delay, from the same address")
			.isEqualTo(HttpStatus.OK);
	}

	private ResponseEntity<String> login(String user, String password, String address) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Forwarded-For", address);
		return rest.withBasicAuth(user, password).exchange("/api/units?size=1", HttpMethod.GET, new HttpEntity<>(headers),
				String.class);
	}

}
