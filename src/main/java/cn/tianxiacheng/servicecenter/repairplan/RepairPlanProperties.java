package cn.tianxiacheng.servicecenter.repairplan;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param consultationThreshold a budget above this (yuan) is put to the manager and the owners'
 *        representatives
 */
@ConfigurationProperties("servicecenter.repair-plans")
record RepairPlanProperties(BigDecimal consultationThreshold) {
}
