/**
 * Community activities (社区文化活动): the plan with its budget and expected participants, and the
 * summary with the photos kept; what an activity cost is entered as an expense of the month.
 */
@ApplicationModule(displayName = "activity 社区文化活动",
		allowedDependencies = { "estate", "finance", "system", "system :: errors", "system :: numbering",
				"system :: pages", "system :: security" })
@OwnsTables("community_activity")
package cn.tianxiacheng.servicecenter.activity;

import cn.tianxiacheng.servicecenter.system.OwnsTables;
import org.springframework.modulith.ApplicationModule;
