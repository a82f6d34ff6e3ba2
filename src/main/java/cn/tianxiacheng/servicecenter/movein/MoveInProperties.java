package cn.tianxiacheng.servicecenter.movein;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param prepaidMonths months of management fee paid ahead at move-in
 * @param oneOffFees the estate's one-off fees at move-in, as fee item codes ({@code GARBAGE_REMOVAL,ACCESS_CARD*2})
 */
@ConfigurationProperties("servicecenter.move-in")
record MoveInProperties(int prepaidMonths, String oneOffFees) {
}
