/**
 * Notices (服务信息) published to owners of some buildings or of the whole estate.
 */
@ApplicationModule(displayName = "notice 服务信息", allowedDependencies = { "estate", "system" })
package cn.tianxiacheng.servicecenter.notice;

import org.springframework.modulith.ApplicationModule;
