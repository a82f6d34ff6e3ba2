package cn.tianxiacheng.servicecenter.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one throttle of every password check (the login page, HTTP Basic, {@code identity/verify},
 * the current password of a password change). Checked failures are counted per user at a client,
 * per user and per client; past each count's free attempts, every further failure starts a delay
 * that doubles up to {@code max-delay}, during which the password is not checked and the caller
 * is told how long to wait. Only a checked failure starts a delay, so every wait ends after at
 * most {@code max-delay}. The delays apply as follows:
 * <ul>
 * <li>a user's own delay at a client holds that user at that client;</li>
 * <li>a user's delay holds that user at every client, except one where the user last logged in
 * successfully and has not failed since, so an attacker elsewhere does not keep the owner out;</li>
 * <li>a client's delay holds, at that client, the users it has failed for and names that are not
 * users, so a colleague behind the same office router who has not failed is not held.</li>
 * </ul>
 * A count restarts when its last failure is older than {@code forget-after}. Kept in memory per
 * node: a restart forgets it.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private static final int MAX_TRACKED = 100_000;

	/** A count of zero marks a user's client of a successful login. */
	private record Failures(int count, Instant blockedUntil, Instant last) {
	}

	private final Map<String, Failures> byUserAtClient = new ConcurrentHashMap<>();

	private final Map<String, Failures> byUser = new ConcurrentHashMap<>();

	private final Map<String, Failures> byClient = new ConcurrentHashMap<>();

	private final LoginThrottleProperties properties;

	private final Clock clock;

	LoginThrottle(LoginThrottleProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Refuses, before the password is checked, a user who must still wait at this client.
	 * @param userExists asked only when the client's delay would hold the name
	 * @throws LoginDelayedException saying how long to wait
	 */
	void check(String userId, String client, BooleanSupplier userExists) {
		Instant now = clock.instant();
		Failures atClient = byUserAtClient.get(pair(userId, client));
		Instant until = blockedUntil(atClient);
		boolean knownClient = atClient != null && atClient.count() == 0;
		if (!knownClient) {
			until = later(until, blockedUntil(byUser.get(user(userId))));
		}
		Instant clientUntil = blockedUntil(byClient.get(client));
		if (clientUntil.isAfter(now) && clientUntil.isAfter(until)
				&& ((atClient != null && atClient.count() > 0) || !userExists.getAsBoolean())) {
			until = clientUntil;
		}
		if (until.isAfter(now)) {
			throw new LoginDelayedException(Duration.between(now, until));
		}
	}

	void failed(String userId, String client) {
		forgetOldEntries();
		record(byUserAtClient, pair(userId, client), properties.freeAttempts(),
				"user '" + userId + "' from " + client);
		record(byUser, user(userId), properties.freeAttemptsPerUser(), "user '" + userId + "'");
		record(byClient, client, properties.freeAttemptsPerAddress(), "address " + client);
	}

	void succeeded(String userId, String client) {
		Instant now = clock.instant();
		byUserAtClient.put(pair(userId, client), new Failures(0, now, now));
		byUser.remove(user(userId));
	}

	/** Logs a delay when it starts and each time it grows, not at every failure that renews it. */
	private void record(Map<String, Failures> failures, String key, int freeAttempts, String who) {
		Instant now = clock.instant();
		Instant forgotten = now.minus(properties.forgetAfter());
		Failures after = failures.compute(key, (k, before) -> {
			int count = before == null || before.last().isBefore(forgotten) ? 1 : before.count() + 1;
			Instant blockedUntil = count <= freeAttempts ? now : now.plus(delay(count - freeAttempts));
			return new Failures(count, blockedUntil, now);
		});
		int pastFree = after.count() - freeAttempts;
		if (pastFree == 1 || (pastFree > 1 && delay(pastFree).compareTo(delay(pastFree - 1)) > 0)) {
			log.warn("Login delay of {} s for {} after {} failed attempts", delay(pastFree).toSeconds(), who,
					after.count());
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

	/** Entries older than the longest delay are forgotten once the maps grow large. */
	private void forgetOldEntries() {
		if (byUserAtClient.size() + byUser.size() + byClient.size() < MAX_TRACKED) {
			return;
		}
		Instant horizon = clock.instant().minus(properties.maxDelay().multipliedBy(2));
		byUserAtClient.values().removeIf(failures -> failures.last().isBefore(horizon));
		byUser.values().removeIf(failures -> failures.last().isBefore(horizon));
		byClient.values().removeIf(failures -> failures.last().isBefore(horizon));
	}

	private static Instant blockedUntil(Failures failures) {
		return failures == null ? Instant.MIN : failures.blockedUntil();
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/** User ids are compared as the identity service stores them, but a changed case is the same target. */
	private static String user(String userId) {
		return userId == null ? "" : userId.toLowerCase(Locale.ROOT);
	}

	private static String pair(String userId, String client) {
		return user(userId) + "@" + client;
	}

}
