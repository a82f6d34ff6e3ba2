package cn.tianxiacheng.servicecenter.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every password door is throttled, as the attack: 300 guesses through the login page, HTTP
 * Basic, {@code identity/verify} (as the administrator) and the webapps' own login are slowed to
 * the configured rate (the number of passwords checked over the run is bounded by its length) and
 * logged; the refused caller is told to wait and for how long; the right password works from
 * another client after at most that wait, at once from the owner's usual client, and a colleague
 * behind the attacker's address is not held; {@code X-Forwarded-For} from a peer that is not a
 * trusted proxy changes nothing. Each attack has a user of its own, so its delays touch no other test.
 * No assertion depends on how fast the machine is: bounds grow with the run's length, and a wait
 * is waited out as the answer states it.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleIntegrationTests extends IntegrationTestSupport {

	private static final String PASSWORD = "Right-Password-4711";

	private static final int GUESSES = 300;

	/** servicecenter.login.free-attempts (one user at one client) and -per-user, -per-address. */
	private static final int FREE_AT_CLIENT = 3;

	private static final int FREE_PER_USER = 10;

	private static final int FREE_PER_ADDRESS = 20;

	private static final long MAX_DELAY_SECONDS = Duration.parse(IntegrationTest.LOGIN_MAX_DELAY).toSeconds();

	private static final Pattern WAIT = Pattern.compile("登录失败次数过多，请 (\\d+) 秒后再试");

	private static final AtomicInteger clients = new AtomicInteger();

	/** What the attacker saw: how many guesses were refused unchecked, and how long the run took. */
	private record Attack(int refused, Duration took) {
	}

	private enum Answer {

		CHECKED, REFUSED

	}

	@Test
	void shouldLetTheOwnerLogInAfterThreeHundredWrongPasswords(CapturedOutput log) throws Exception {
		String user = newReceptionist("throttle", PASSWORD);
		String attacker = newClient();

		Attack attack = attack(i -> {
			ResponseEntity<String> answer = basic(user, "guess-" + i, attacker);
			if (answer.getStatusCode() == HttpStatus.UNAUTHORIZED) {
				assertThat(answer.getBody()).contains("用户名或密码错误").doesNotContain("Exception");
				return Answer.CHECKED;
			}
			assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
			assertToldToWait(answer.getBody(), answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
			return Answer.REFUSED;
		});

		assertSlowedAndLogged(log, user, attacker, attack, FREE_AT_CLIENT);
		assertThat(checked(log, user)).as("each 401 was a password checked and logged")
			.isEqualTo(GUESSES - attack.refused());
		assertOwnerGetsInAfterTheStatedWait(user, newClient());
		assertOwnerGetsInAfterTheStatedWait(user, attacker);
	}

	@Test
	void shouldThrottleTheLoginPageAndSayHowLongToWait(CapturedOutput log) throws Exception {
		String user = newReceptionist("throttle", PASSWORD);
		String attacker = newClient();
		WebSession browser = WebSession.from(port, attacker);
		List<String> waits = new ArrayList<>();

		Attack attack = attack(i -> {
			String location = browser.login(user, "guess-" + i).headers().firstValue("Location").orElseThrow();
			if (location.endsWith("/login?error")) {
				return Answer.CHECKED;
			}
			assertThat(location).contains("/login?wait=");
			waits.add(location.substring(location.indexOf("/login?")));
			return Answer.REFUSED;
		});

		assertSlowedAndLogged(log, user, attacker, attack, FREE_AT_CLIENT);
		String page = browser.get(waits.get(0)).body();
		assertToldToWait(page, null);
		assertThat(page).doesNotContain("用户名或密码错误");

		WebSession owner = WebSession.from(port, newClient());
		String location = owner.login(user, PASSWORD).headers().firstValue("Location").orElseThrow();
		if (location.contains("wait=")) {
			Thread.sleep(Duration.ofSeconds(Long.parseLong(location.replaceAll(".*wait=", ""))).plusMillis(200).toMillis());
			location = owner.login(user, PASSWORD).headers().firstValue("Location").orElseThrow();
		}
		assertThat(location).as("the owner, from another client, after at most the stated wait")
			.doesNotContain("error", "wait");
	}

	@Test
	void shouldThrottleIdentityVerifyForTheAdministrator(CapturedOutput log) throws Exception {
		String user = newReceptionist("throttle", PASSWORD);
		String attacker = newClient();

		Attack attack = attack(i -> {
			ResponseEntity<String> answer = verify("admin", "demo", user, "guess-" + i, attacker);
			if (answer.getStatusCode() == HttpStatus.OK) {
				assertThat(answer.getBody()).contains("\"authenticated\":false");
				return Answer.CHECKED;
			}
			assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
			assertToldToWait(answer.getBody(), answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
			return Answer.REFUSED;
		});

		assertSlowedAndLogged(log, user, attacker, attack, FREE_AT_CLIENT);
		assertOwnerGetsInAfterTheStatedWait(user, newClient());
	}

	@Test
	void shouldRefuseIdentityVerifyToAllButTheAdministrator(CapturedOutput log) {
		String user = newReceptionist("throttle", PASSWORD);
		String client = newClient();

		ResponseEntity<String> guess = verify("manager", "demo", user, PASSWORD, client);
		assertThat(guess.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(guess.getBody()).contains("只有系统管理员可以核对他人的密码").doesNotContain("authenticated");
		assertThat(verify("manager", "demo", "manager", "demo", client).getStatusCode()).as("not even one's own")
			.isEqualTo(HttpStatus.FORBIDDEN);
		WebSession receptionist = WebSession.from(port, client);
		receptionist.login("receptionist", "demo");
		HttpResponse<String> webapps = receptionist.webapp("POST", WebSession.WEBAPP_ENGINE + "/identity/verify",
					"{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(webapps.statusCode()).as("through the webapps' API too").isEqualTo(403);
		assertThat(webapps.body()).doesNotContain("authenticated");

		assertThat(log.getOut()).as("logged as a refused login")
			.contains("Refused login for user '" + user + "' from " + client);
	}

	@Test
	void shouldCloseTheWebappsOwnLoginAndCountEveryAttempt(CapturedOutput log) throws Exception {
		String user = newReceptionist("throttle", PASSWORD);
		String attacker = newClient();
		WebSession staff = WebSession.from(port, attacker);
		assertThat(staff.login("receptionist", "demo").headers().firstValue("Location").orElseThrow())
			.doesNotContain("error");

		Attack attack = attack(i -> {
			HttpResponse<String> answer = staff.webapp("POST", "/camunda/api/admin/auth/user/default/login/tasklist?username="
					+ user + "&password=guess-" + i, null);
			assertThat(answer.statusCode()).isEqualTo(403);
			assertThat(answer.body()).contains("请在系统登录页登录").doesNotContain("authenticated");
			return Answer.REFUSED;
		});

		assertThat(attack.refused()).isEqualTo(GUESSES);
		assertThat(checked(log, user)).as("no password checked").isZero();
		assertThat(log.getOut()).as("logged")
			.contains("Refused login for user '" + user + "' from " + attacker)
			.as("counted as failed logins: the delay grew to its maximum without a password checked")
			.contains("Login delay of " + MAX_DELAY_SECONDS + " s for user '" + user + "' from " + attacker);
		assertOwnerGetsInAfterTheStatedWait(user, newClient());
	}

	@Test
	void shouldIgnoreForwardedForFromAPeerThatIsNoTrustedProxy(CapturedOutput log) throws Exception {
		String user = newReceptionist("throttle", PASSWORD);
		AtomicInteger forged = new AtomicInteger();

		Attack attack = attack(i -> {
			int status = basicFromUntrustedPeer(user, "guess-" + i, "192.0.2." + (forged.incrementAndGet() % 250 + 1));
			assertThat(status).isIn(401, 429);
			return status == 401 ? Answer.CHECKED : Answer.REFUSED;
		});

		assertSlowedAndLogged(log, user, "127.0.0.2", attack, FREE_AT_CLIENT);
		assertThat(lines(log, user)).as("every line names the peer, none the forged address")
			.allSatisfy(line -> assertThat(line).contains("from 127.0.0.2").doesNotContain("192.0.2."));
	}

	@Test
	void shouldSlowADistributedAttackButNotHoldTheOwnerAtHerUsualClient(CapturedOutput log) throws Exception {
		String user = newReceptionist("throttle", PASSWORD);
		String usual = newClient();
		assertThat(basic(user, PASSWORD, usual).getStatusCode()).isEqualTo(HttpStatus.OK);

		Attack attack = attack(i -> {
			ResponseEntity<String> answer = basic(user, "guess-" + i, newClient());
			return answer.getStatusCode() == HttpStatus.UNAUTHORIZED ? Answer.CHECKED : Answer.REFUSED;
		});

		assertThat(checked(log, user)).as("a new client for every guess: slowed per user")
			.isLessThanOrEqualTo(bound(FREE_PER_USER, attack.took()));
		assertThat(basic(user, PASSWORD, usual).getStatusCode()).as("the owner at her usual client, at once")
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldNotHoldAColleagueBehindTheAttackersAddress(CapturedOutput log) throws Exception {
		String colleague = newReceptionist("throttle", PASSWORD);
		String office = newClient();
		String marker = "nobody" + UUID.randomUUID().toString().substring(0, 6) + "x";

		Attack attack = attack(i -> {
			ResponseEntity<String> answer = basic(marker + i, "guess", office);
			return answer.getStatusCode() == HttpStatus.UNAUTHORIZED ? Answer.CHECKED : Answer.REFUSED;
		});

		long checked = log.getOut().lines().filter(line -> line.contains("Failed login for user '" + marker)).count();
		assertThat(checked).as("names that are not users, from one address: slowed per address")
			.isLessThanOrEqualTo(bound(FREE_PER_ADDRESS, attack.took()));
		assertThat(attack.refused()).isPositive();
		assertThat(basic(colleague, PASSWORD, office).getStatusCode())
			.as("a colleague with the right password from the same office router, at once")
			.isEqualTo(HttpStatus.OK);
	}

	/** Sends the guesses one after another, as fast as the server answers. */
	private static Attack attack(IntFunction<Answer> guess) {
		long start = System.nanoTime();
		int refused = 0;
		for (int i = 0; i < GUESSES; i++) {
			if (guess.apply(i) == Answer.REFUSED) {
				refused++;
			}
		}
		return new Attack(refused, Duration.ofNanos(System.nanoTime() - start));
	}

	/**
	 * Past the free attempts, a failure waits at least the first delay (1 s) before the next
	 * check, so a run of t seconds checks at most free + 1 + t passwords, however slow the machine.
	 */
	private static long bound(int free, Duration took) {
		return free + 1 + took.toSeconds() + 1;
	}

	private static void assertSlowedAndLogged(CapturedOutput log, String user, String client, Attack attack, int free) {
		long checked = checked(log, user);
		assertThat(checked).as("passwords checked in %s s", attack.took().toSeconds())
			.isGreaterThanOrEqualTo(free)
			.isLessThanOrEqualTo(bound(free, attack.took()));
		assertThat(attack.refused()).as("refused unchecked").isEqualTo(GUESSES - checked);
		assertThat(log.getOut()).contains("Failed login for user '" + user + "' from " + client)
			.contains("Refused login for user '" + user + "' from " + client);
	}

	private static void assertToldToWait(String body, String retryAfter) {
		Matcher wait = WAIT.matcher(String.valueOf(body));
		assertThat(wait.find()).as("told to wait: %s", body).isTrue();
		assertThat(Long.parseLong(wait.group(1))).isBetween(1L, MAX_DELAY_SECONDS);
		if (retryAfter != null) {
			assertThat(retryAfter).isEqualTo(wait.group(1));
		}
	}

	/** The right password works at once, or after the wait the answer states (nothing fails meanwhile). */
	private void assertOwnerGetsInAfterTheStatedWait(String user, String client) throws InterruptedException {
		ResponseEntity<String> answer = basic(user, PASSWORD, client);
		if (answer.getStatusCode() == HttpStatus.TOO_MANY_REQUESTS) {
			assertToldToWait(answer.getBody(), answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
			Thread.sleep(Duration.ofSeconds(Long.parseLong(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
				.plusMillis(200).toMillis());
			answer = basic(user, PASSWORD, client);
		}
		assertThat(answer.getStatusCode()).as("the right password from %s", client).isEqualTo(HttpStatus.OK);
	}

	private static long checked(CapturedOutput log, String user) {
		return lines(log, user).stream().filter(line -> line.contains("Failed login for user '" + user + "'")).count();
	}

	private static List<String> lines(CapturedOutput log, String user) {
		return log.getOut().lines().filter(line -> line.contains("login for user '" + user + "'")).toList();
	}

	private ResponseEntity<String> basic(String user, String password, String client) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Forwarded-For", client);
		return rest.withBasicAuth(user, password)
			.exchange("/api/units?size=1", HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}

	private ResponseEntity<String> verify(String caller, String callerPassword, String user, String password,
			String client) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Forwarded-For", client);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(caller, callerPassword)
			.exchange("/engine-rest/identity/verify", HttpMethod.POST,
					new HttpEntity<>("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", headers),
					String.class);
	}

	/** HTTP Basic from 127.0.0.2, which is not a trusted proxy, claiming another address. */
	private int basicFromUntrustedPeer(String user, String password, String forwardedFor) {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress("127.0.0.2", 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port));
			String credentials = Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
			socket.getOutputStream()
				.write(("GET /api/units?size=1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
						+ "\r\nX-Forwarded-For: " + forwardedFor + "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			String statusLine = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			return Integer.parseInt(statusLine.split(" ")[1]);
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private static String newClient() {
		int n = clients.incrementAndGet();
		return "198.51." + (n / 250 + 1) + "." + (n % 250 + 1);
	}

}
