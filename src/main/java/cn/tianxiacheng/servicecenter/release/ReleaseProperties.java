package cn.tianxiacheng.servicecenter.release;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret the server's key of the passes' signatures (HMAC-SHA256); whoever knows it can
 *        sign a pass, so production sets its own ({@code SERVICECENTER_RELEASE_SECRET})
 * @param gates the estate's gates where goods may leave
 * @param maxWindow the longest time window a pass may be valid for
 */
@ConfigurationProperties("servicecenter.release")
record ReleaseProperties(String secret, List<String> gates, Duration maxWindow) {
}
