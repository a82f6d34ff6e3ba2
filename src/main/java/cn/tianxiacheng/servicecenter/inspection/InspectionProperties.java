package cn.tianxiacheng.servicecenter.inspection;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param morning the morning round's start and end in the estate's zone, {@code 08:00-11:30}
 * @param afternoon the afternoon round's, likewise
 * @param scheduleCron how often the schedule opens today's and tomorrow's rounds still to come (Camunda cron)
 */
@ConfigurationProperties("servicecenter.inspection")
record InspectionProperties(String morning, String afternoon, String scheduleCron) {
}
