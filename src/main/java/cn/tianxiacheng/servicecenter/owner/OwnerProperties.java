package cn.tianxiacheng.servicecenter.owner;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one-time codes of the owner channel: each valid for {@code codeValidity} and {@code triesPerCode}
 * tries; per {@code window}, at most {@code codesPerNumber} codes for a number, {@code codesPerAddress}
 * code requests and {@code failuresPerAddress} wrong codes from one client address.
 */
@ConfigurationProperties("servicecenter.owner")
record OwnerProperties(Duration codeValidity, int triesPerCode, int codesPerNumber, int codesPerAddress,
		int failuresPerAddress, Duration window) {
}
