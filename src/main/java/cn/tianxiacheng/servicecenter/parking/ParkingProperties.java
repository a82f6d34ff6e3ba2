package cn.tianxiacheng.servicecenter.parking;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param firstReminderDays days before a lease's end that reception is asked to call first
 * @param secondReminderDays days before the end of the second call
 * @param gracePeriod after the end, how long a lease may still be renewed before its space is released
 * @param maxMonths the longest term of one contract or renewal
 */
@ConfigurationProperties("servicecenter.parking")
record ParkingProperties(int firstReminderDays, int secondReminderDays, Period gracePeriod, int maxMonths) {
}
