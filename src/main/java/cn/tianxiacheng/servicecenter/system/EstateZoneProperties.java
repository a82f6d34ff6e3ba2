package cn.tianxiacheng.servicecenter.system;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param zone the estate's time zone ({@code servicecenter.zone}): dates, due dates and the
 *        processes' times of day are the estate's, whatever zone the server runs in
 */
@ConfigurationProperties("servicecenter")
record EstateZoneProperties(ZoneId zone) {
}
