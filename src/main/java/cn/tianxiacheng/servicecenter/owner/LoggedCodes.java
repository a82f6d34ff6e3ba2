package cn.tianxiacheng.servicecenter.owner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The embedded default's code sender, a development setting: the code goes to the application log
 * and to the page only {@code admin} opens ({@code /owner/dev-codes}), nowhere else. The
 * {@code postgres} profile does not start with it.
 */
@Component
@ConditionalOnProperty(name = "servicecenter.owner.code-sender", havingValue = "log")
class LoggedCodes implements CodeSender {

	private static final Logger log = LoggerFactory.getLogger(LoggedCodes.class);

	private static final int KEPT = 20;

	record Sent(String phone, String code, Instant sentAt, Instant validUntil) {

		public String maskedPhone() {
			return phone.substring(0, 3) + "****" + phone.substring(7);
		}

	}

	private final Deque<Sent> recent = new ConcurrentLinkedDeque<>();

	private final Clock clock;

	LoggedCodes(Environment environment, Clock clock) {
		if (environment.matchesProfiles("postgres")) {
			throw new IllegalStateException("servicecenter.owner.code-sender=log shows owners' sign-in codes in the log "
					+ "and on /owner/dev-codes: a development setting the postgres profile refuses");
		}
		this.clock = clock;
	}

	@Override
	public void send(String phone, String code, Duration validFor) {
		Instant now = clock.instant();
		Sent sent = new Sent(phone, code, now, now.plus(validFor));
		log.info("Owner sign-in code for {}: {} (development setting, valid {} min)", sent.maskedPhone(), code,
				validFor.toMinutes());
		recent.addFirst(sent);
		while (recent.size() > KEPT) {
			recent.pollLast();
		}
	}

	List<Sent> recent() {
		return List.copyOf(recent);
	}

	Optional<String> lastCodeFor(String phone) {
		return recent.stream().filter(sent -> sent.phone().equals(phone)).map(Sent::code).findFirst();
	}

}
