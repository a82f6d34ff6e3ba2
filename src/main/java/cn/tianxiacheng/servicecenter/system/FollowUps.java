package cn.tianxiacheng.servicecenter.system;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Follow-ups of a commit (a payment that moves a move-in on or ends a dunning case) are
 * listeners of events that Spring Modulith records in the same transaction
 * ({@code event_publication}) and runs after the commit, on a thread and connection of their
 * own. One that failed is tried again every minute, with a line at ERROR naming it, until it
 * succeeds; one left unfinished by a crash is done again at the next start.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class FollowUps {

	private static final Logger log = LoggerFactory.getLogger(FollowUps.class);

	private static final Duration GRACE = Duration.ofMinutes(1);

	private final IncompleteEventPublications incomplete;

	FollowUps(IncompleteEventPublications incomplete) {
		this.incomplete = incomplete;
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void retryUnfinished() {
		Instant before = Instant.now().minus(GRACE);
		incomplete.resubmitIncompletePublications(publication -> {
			if (publication.getPublicationDate().isAfter(before)) {
				return false;
			}
			log.error("Follow-up not done yet, trying again: {} {} (recorded {})", publication.getIdentifier(),
					publication.getEvent(), publication.getPublicationDate());
			return true;
		});
	}

}
