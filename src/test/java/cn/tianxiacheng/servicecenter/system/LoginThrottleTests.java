package cn.tianxiacheng.servicecenter.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * The throttle's rules on a clock that the test moves: who is held, for how long, and that every
 * wait ends after at most the maximum delay.
 */
class LoginThrottleTests {

	private static final Duration MAX = Duration.ofSeconds(60);

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T08:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(
			new LoginThrottleProperties(3, 10, 20, Duration.ofSeconds(1), MAX, Duration.ofMinutes(15)), clock);

	@Test
	void shouldDelayAUserAtAClientAfterThreeFailuresDoublingUpToTheMaximum() {
		fail("cleaner", "attacker", 3);
		assertThatCode(() -> check("cleaner", "attacker")).doesNotThrowAnyException();

		fail("cleaner", "attacker", 1);
		assertThat(waitOf("cleaner", "attacker")).isEqualTo(1);
		fail("cleaner", "attacker", 1);
		assertThat(waitOf("cleaner", "attacker")).isEqualTo(2);
		fail("cleaner", "attacker", 20);
		assertThat(waitOf("cleaner", "attacker")).as("bounded").isEqualTo(MAX.toSeconds());

		clock.move(MAX);
		assertThatCode(() -> check("cleaner", "attacker")).as("the wait always ends").doesNotThrowAnyException();
	}

	@Test
	void shouldHoldAUserEverywhereButAtTheClientOfHerLastLogin() {
		throttle.succeeded("cleaner", "her-desk");
		for (int i = 0; i < 11; i++) {
			fail("cleaner", "bot-" + i, 1);
		}
		assertThat(waitOf("cleaner", "another-desk")).as("a distributed attack slows every new client").isEqualTo(1);
		assertThatCode(() -> check("cleaner", "her-desk")).as("not her usual desk").doesNotThrowAnyException();

		fail("cleaner", "her-desk", 1);
		assertThat(waitOf("cleaner", "her-desk")).as("once she failed there, it is held too").isPositive();
	}

	@Test
	void shouldHoldAClientOnlyForTheNamesItFailedForAndNamesThatAreNoUsers() {
		for (int i = 0; i < 21; i++) {
			fail("nobody-" + i, "office", 1);
		}
		assertThatThrownBy(() -> throttle.check("nobody-99", "office", () -> false))
			.isInstanceOf(LoginDelayedException.class)
			.hasMessage("登录失败次数过多，请 1 秒后再试");
		assertThatCode(() -> throttle.check("receptionist", "office", () -> true))
			.as("a colleague behind the same router who has not failed").doesNotThrowAnyException();

		fail("receptionist", "office", 1);
		assertThat(waitOf("receptionist", "office")).as("once she failed there").isPositive();
	}

	@Test
	void shouldForgetFailuresAfterAQuietSpellAndAfterASuccess() {
		fail("cashier", "desk", 3);
		clock.move(Duration.ofMinutes(16));
		fail("cashier", "desk", 1);
		assertThatCode(() -> check("cashier", "desk")).as("counted from one again").doesNotThrowAnyException();

		fail("cashier", "desk", 3);
		throttle.succeeded("cashier", "desk");
		fail("cashier", "desk", 1);
		assertThatCode(() -> check("cashier", "desk")).doesNotThrowAnyException();
	}

	@Test
	void shouldTreatAChangedCaseAsTheSameUser() {
		fail("admin", "attacker", 4);
		assertThat(waitOf("ADMIN", "attacker")).isPositive();
	}

	private void fail(String user, String client, int times) {
		for (int i = 0; i < times; i++) {
			throttle.failed(user, client);
		}
	}

	private void check(String user, String client) {
		throttle.check(user, client, () -> true);
	}

	private long waitOf(String user, String client) {
		try {
			check(user, client);
			return 0;
		}
		catch (LoginDelayedException delayed) {
			return delayed.seconds();
		}
	}

}
