package cn.tianxiacheng.servicecenter.archive;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param accessValidFor how long an approved consultation of an owner archive lasts
 */
@ConfigurationProperties("servicecenter.archives")
record ArchiveProperties(Duration accessValidFor) {
}
