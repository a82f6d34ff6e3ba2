package cn.tianxiacheng.servicecenter.casework;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param items the fee item codes a repair may charge (有偿维修): the engineer's form offers these
 *        only, and the server accepts these only
 */
@ConfigurationProperties("servicecenter.cases.repair-charges")
record RepairChargeProperties(List<String> items) {
}
