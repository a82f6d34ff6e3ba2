package cn.tianxiacheng.servicecenter.system;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param zone the company's time zone ({@code servicecenter.zone}): that of the company's own runs (the
 *        timers that fan out to the estates) and of an estate that has set none; an estate's own zone
 *        ({@code estate.time_zone}) is that estate's, whatever zone the server runs in
 */
@ConfigurationProperties("servicecenter")
record EstateZoneProperties(ZoneId zone) {
}
