package cn.tianxiacheng.servicecenter.estate;

/**
 * Published when the administrator added an estate: the modules that keep rules per estate give it
 * the company's to start with.
 */
public record EstateAdded(long estateId, String code) {
}
