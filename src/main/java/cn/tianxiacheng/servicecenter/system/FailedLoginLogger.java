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
 * One log line per failed or refused password check, whatever the door (the login page, HTTP
 * Basic, {@code identity/verify}, a password change, the webapps' own login), with the user name
 * and the client; the caller gets a 401, 403, 429 or the login page again, never a stack trace.
 * Refusals at one client are logged at most once a second, with the number left out since, so a
 * flood of refused attempts does not flood the log.
 */
@Component
class FailedLoginLogger {

	private static final Logger log = LoggerFactory.getLogger(FailedLoginLogger.class);

	private static final Duration QUIET = Duration.ofSeconds(1);

	private static final int MAX_TRACKED = 10_000;

	private record Logged(Instant at, int leftOut) {
	}

	private final Map<String, Logged> refusals = new ConcurrentHashMap<>();

	private final Clock clock;

	FailedLoginLogger(Clock clock) {
		this.clock = clock;
	}

	void wrongPassword(String userId, String client, String door) {
		log.warn("Failed login for user '{}' from {} via {}: wrong password", userId, client, door);
	}

	void refused(String userId, String client, String door, String why) {
		Instant now = clock.instant();
		if (refusals.size() > MAX_TRACKED) {
			refusals.clear();
		}
		int[] leftOutBefore = { -1 };
		refusals.compute(client, (key, before) -> {
			if (before == null || !now.isBefore(before.at().plus(QUIET))) {
				leftOutBefore[0] = before == null ? 0 : before.leftOut();
				return new Logged(now, 0);
			}
			return new Logged(before.at(), before.leftOut() + 1);
		});
		if (leftOutBefore[0] >= 0) {
			log.warn("Refused login for user '{}' from {} via {}: {} ({} more refused since the last such line)", userId, client, door,
					why, leftOutBefore[0]);
		}
	}

}
