package cn.tianxiacheng.servicecenter.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * One log line per failed login (page or HTTP Basic), with the user name and address; the
 * caller gets a 401 or the login page again, never a stack trace.
 */
@Component
class FailedLoginLogger {

	private static final Logger log = LoggerFactory.getLogger(FailedLoginLogger.class);

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		Object details = event.getAuthentication().getDetails();
		String address = details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
		log.warn("Failed login for user '{}' from {}: {}", event.getAuthentication().getName(), address,
				event.getException().getMessage());
	}

}
