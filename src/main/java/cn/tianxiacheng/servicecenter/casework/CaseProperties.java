package cn.tianxiacheng.servicecenter.casework;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param returnVisitAfter how long after a case closes its return visit is due
 * @param routineVisitCron when the monthly routine visits (回访) start (Camunda timer cron)
 * @param routineVisitShare the share of the occupied units drawn at random for them
 */
@ConfigurationProperties("servicecenter.cases")
record CaseProperties(Duration returnVisitAfter, String routineVisitCron, double routineVisitShare) {
}
