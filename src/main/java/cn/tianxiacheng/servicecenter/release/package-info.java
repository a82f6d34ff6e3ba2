/**
 * Goods release (物品放行): the request for a pass, the owner's confirmation, the review, the
 * signed single-use pass, its check at the gate, expiry, and the report; owns release_pass, its
 * items and steps, and gate_check.
 */
@ApplicationModule(displayName = "release 物品放行",
		allowedDependencies = { "estate", "fee", "journal", "system", "system :: csv", "system :: engine",
				"system :: errors", "system :: numbering", "system :: pages", "system :: security", "system :: setup" })
@OwnsTables({ "release_pass", "release_item", "release_step", "gate_check" })
package cn.tianxiacheng.servicecenter.release;

import cn.tianxiacheng.servicecenter.system.OwnsTables;
import org.springframework.modulith.ApplicationModule;
