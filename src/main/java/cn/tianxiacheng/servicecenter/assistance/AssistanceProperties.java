package cn.tianxiacheng.servicecenter.assistance;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param followUpAfter how long reception waits before chasing the developer again
 * @param returnVisitAfter how long after the hand-over the return visit is due
 * @param certificateValidFor how long a certificate is valid from its issue
 * @param verificationSecret the key of the certificates' verification codes (HMAC), 16 characters or more
 */
@ConfigurationProperties("servicecenter.assistance")
record AssistanceProperties(Period followUpAfter, Period returnVisitAfter, Period certificateValidFor,
		String verificationSecret) {
}
