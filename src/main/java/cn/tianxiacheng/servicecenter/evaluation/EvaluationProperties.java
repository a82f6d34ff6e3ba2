package cn.tianxiacheng.servicecenter.evaluation;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param cron when the half-monthly run starts (Camunda timer cron)
 * @param confirmWithin how long staff have to confirm or appeal their sheet
 */
@ConfigurationProperties("servicecenter.evaluation")
record EvaluationProperties(String cron, Period confirmWithin) {
}
