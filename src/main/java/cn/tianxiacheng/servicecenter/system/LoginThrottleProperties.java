package cn.tianxiacheng.servicecenter.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed password checks slow an attacker down ({@link LoginThrottle}): after
 * {@code freeAttempts} failures of one user at one client, {@code freeAttemptsPerUser} of one user
 * anywhere, or {@code freeAttemptsPerAddress} of any users at one client, each further failure
 * makes that pair, user or client wait twice as long as the last, from {@code firstDelay} up to
 * {@code maxDelay}. A count restarts after {@code forgetAfter} without a failure.
 */
@ConfigurationProperties("servicecenter.login")
record LoginThrottleProperties(int freeAttempts, int freeAttemptsPerUser, int freeAttemptsPerAddress,
		Duration firstDelay, Duration maxDelay, Duration forgetAfter) {
}
