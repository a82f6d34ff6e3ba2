/**
 * 审计与监督: the auditor's history of every case of every process (search, story, export) and
 * the manager's view of the center, read from the engine's history and the app's records.
 */
@ApplicationModule(displayName = "audit 审计与监督",
		allowedDependencies = { "casework", "estate", "fee", "system", "system :: csv", "system :: engine",
				"system :: errors", "system :: security" })
@OwnsTables({})
package cn.tianxiacheng.servicecenter.audit;

import cn.tianxiacheng.servicecenter.system.OwnsTables;
import org.springframework.modulith.ApplicationModule;
