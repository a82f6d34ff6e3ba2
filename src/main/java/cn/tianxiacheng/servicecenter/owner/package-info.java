/**
 * The owner channel (业主服务): owners, household members and current tenants on file sign in with
 * their phone number and a one-time code, pick one of their units and see it: its bills and its
 * cases. A session of its own kind ({@link cn.tianxiacheng.servicecenter.system.StaffAuthorities#OWNER_CHANNEL}),
 * with no identity in the engine and refused on every staff surface. No other module uses it.
 */
@ApplicationModule(displayName = "owner 业主服务",
		allowedDependencies = { "casework", "estate", "fee", "system", "system :: security" })
@OwnsTables({ "owner_login_code", "owner_login_failure" })
package cn.tianxiacheng.servicecenter.owner;

import cn.tianxiacheng.servicecenter.system.OwnsTables;
import org.springframework.modulith.ApplicationModule;
