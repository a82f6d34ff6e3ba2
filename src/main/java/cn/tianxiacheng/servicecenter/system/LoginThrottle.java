package cn.tianxiacheng.servicecenter.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Failed logins slow the attacker and never lock the owner out for good: failures are counted
 * per user at an address and per address; past the free attempts, each failure starts a delay
 * that doubles up to a maximum, during which that user at that address (or that address) is
 * refused without the password being checked. The user at another address is not affected,
 * and waiting out the delay always ends it. Kept in memory: a restart forgets it.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private static final int MAX_TRACKED = 100_000;

	private record Failures(int count, Instant blockedUntil, Instant lastFailure) {
	}

	private final Map<String, Failures> byUserAtAddress = new ConcurrentHashMap<>();

	private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

	private final LoginThrottleProperties properties;

	private final Clock clock;

	LoginThrottle(LoginThrottleProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** How long the user at the address must still wait before a password is checked; zero when not. */
	Duration waitFor(String userId, String address) {
		Instant now = clock.instant();
		Instant until = later(blockedUntil(byUserAtAddress.get(key(userId, address))),
				blockedUntil(byAddress.get(address)));
		return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
	}

	void failed(String userId, String address) {
		forgetOldEntries();
		record(byUserAtAddress, key(userId, address), properties.freeAttempts(), "user '" + userId + "' from " + address);
		record(byAddress, address, properties.freeAttemptsPerAddress(), "address " + address);
	}

	void succeeded(String userId, String address) {
		byUserAtAddress.remove(key(userId, address));
	}

	private void record(Map<String, Failures> failures, String key, int freeAttempts, String who) {
		Instant now = clock.instant();
		Failures after = failures.compute(key, (k, before) -> {
			int count = before == null ? 1 : before.count() + 1;
			Instant blockedUntil = count <= freeAttempts ? now : now.plus(delay(count - freeAttempts));
			return new Failures(count, blockedUntil, now);
		});
		if (after.blockedUntil().isAfter(now)) {
			log.warn("Login delay of {} s for {} after {} failed attempts",
					Duration.between(now, after.blockedUntil()).toSeconds(), who, after.count());
		}
	}

	/** The first delay, doubled for every failure since, up to the maximum. */
	private Duration delay(int failuresPastFree) {
		Duration delay = properties.firstDelay();
		for (int i = 1; i < failuresPastFree && delay.compareTo(properties.maxDelay()) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(properties.maxDelay()) < 0 ? delay : properties.maxDelay();
	}

	/** Failures older than the longest delay are forgotten once the maps grow large. */
	private void forgetOldEntries() {
		if (byUserAtAddress.size() + byAddress.size() < MAX_TRACKED) {
			return;
		}
		Instant horizon = clock.instant().minus(properties.maxDelay().multipliedBy(2));
		byUserAtAddress.values().removeIf(failures -> failures.lastFailure().isBefore(horizon));
		byAddress.values().removeIf(failures -> failures.lastFailure().isBefore(horizon));
	}

	private static Instant blockedUntil(Failures failures) {
		return failures == null ? Instant.MIN : failures.blockedUntil();
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static String key(String userId, String address) {
		return userId + "@" + address;
	}

}
