package cn.tianxiacheng.servicecenter.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Refused engine calls, one line each (who, what, why) and never a stack trace: a staff account
 * can send refusals as fast as the server answers, so each user's lines are limited by a token
 * bucket ({@link RefusalLogProperties}), and the next line logged says how many were left out.
 * A request is logged once, at its first refusal (a refused job execution is followed by the
 * engine's own refused attempt to record the failure). What the caller sent (a path, a field's
 * name) is cut short and stripped of line breaks.
 */
@Component
class RefusalLog {

	private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);

	private static final int MAX_TEXT = 200;

	private static final String LOGGED = RefusalLog.class.getName() + ".logged";

	private final RefusalLogProperties properties;

	private final Clock clock;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	RefusalLog(RefusalLogProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** A refusal of {@code what} (an engine command) to {@code user}, for {@code why}, in the request being served. */
	void refused(String user, String what, String why) {
		refused(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null, user, what, why);
	}

	/** A refusal of {@code what} to {@code user}, for {@code why}, in the request given (may be null). */
	void refused(HttpServletRequest request, String user, String what, String why) {
		if (request != null) {
			if (request.getAttribute(LOGGED) != null) {
				return;
			}
			request.setAttribute(LOGGED, true);
		}
		String who = user == null ? "anonymous" : clean(user);
		long notLogged = buckets.computeIfAbsent(who, key -> new Bucket(properties.burst(), clock.instant()))
			.take(properties.burst(), properties.every(), clock.instant());
		if (notLogged < 0) {
			return;
		}
		log.warn("Refused {} to {}{}: {}{}", clean(what), who,
				request == null ? "" : " (" + request.getMethod() + " " + clean(request.getRequestURI()) + ")", clean(why),
				notLogged == 0 ? "" : " (" + notLogged + " more refused calls of " + who + " not logged before this one)");
	}

	private static String clean(String text) {
		if (text == null) {
			return "";
		}
		String oneLine = text.replaceAll("\\p{Cntrl}", " ");
		return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT) + "…";
	}

	/** Tokens refill one per {@code every}, up to {@code burst}; the calls without a token are counted. */
	private static final class Bucket {

		private double tokens;

		private Instant last;

		private long skipped;

		Bucket(int burst, Instant now) {
			this.tokens = burst;
			this.last = now;
		}

		/** The count of calls not logged before this one, or -1 when this one is not logged either. */
		synchronized long take(int burst, Duration every, Instant now) {
			double refilled = (double) Duration.between(last, now).toNanos() / Math.max(every.toNanos(), 1);
			tokens = Math.min(burst, tokens + Math.max(refilled, 0));
			last = now;
			if (tokens < 1) {
				skipped++;
				return -1;
			}
			tokens--;
			long notLogged = skipped;
			skipped = 0;
			return notLogged;
		}

	}

}
