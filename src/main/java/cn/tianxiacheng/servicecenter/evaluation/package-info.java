/**
 * 考核: every half month each staff member's sheet, measured from the engine's history and the
 * app's records against the standards the manager sets, judged by the supervisor, confirmed or
 * appealed by the staff member, approved by the director.
 */
@ApplicationModule(displayName = "evaluation 员工考核",
		allowedDependencies = { "system", "system :: csv", "system :: engine", "system :: errors",
				"system :: security", "system :: setup" })
@OwnsTables({ "evaluation_indicator", "evaluation_item", "evaluation_sheet" })
package cn.tianxiacheng.servicecenter.evaluation;

import cn.tianxiacheng.servicecenter.system.OwnsTables;
import org.springframework.modulith.ApplicationModule;
