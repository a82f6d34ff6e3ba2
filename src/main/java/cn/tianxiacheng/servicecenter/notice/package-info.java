/**
 * Notices (服务信息) published to owners of some buildings or of the whole estate.
 */
@ApplicationModule(displayName = "notice 服务信息",
		allowedDependencies = { "estate", "system", "system :: errors", "system :: pages", "system :: security" })
@OwnsTables("notice")
package cn.tianxiacheng.servicecenter.notice;

import cn.tianxiacheng.servicecenter.system.OwnsTables;
import org.springframework.modulith.ApplicationModule;
