package cn.tianxiacheng.servicecenter.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed logins slow an attacker down: after {@code freeAttempts} failures of one user from
 * one address (or {@code freeAttemptsPerAddress} failures of any users from one address), each
 * further failure makes that pair (or address) wait twice as long as the last, from
 * {@code firstDelay} up to {@code maxDelay}.
 */
@ConfigurationProperties("servicecenter.login")
public record LoginThrottleProperties(int freeAttempts, int freeAttemptsPerAddress, Duration firstDelay,
		Duration maxDelay) {
}
