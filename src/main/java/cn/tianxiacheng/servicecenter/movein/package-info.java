/**
 * Move-in (入伙): registration, MoveInProcess and its delegates; owns move_in and its people and
 * vehicles.
 */
@ApplicationModule(displayName = "movein 入伙",
		allowedDependencies = { "archive", "casework", "estate", "fee", "system", "system :: engine",
				"system :: errors", "system :: numbering", "system :: pages", "system :: security", "system :: setup" })
@OwnsTables({ "move_in", "move_in_person", "move_in_vehicle" })
package cn.tianxiacheng.servicecenter.movein;

import cn.tianxiacheng.servicecenter.system.OwnsTables;
import org.springframework.modulith.ApplicationModule;
