/**
 * Repair and maintenance plans of the common facilities (公共设施大、中修计划): the director's plan and
 * budget, the {@code RepairPlanProcess} (review, consultation above the threshold, works with their
 * progress, acceptance with the final account against the budget), the variance to the fen, and the
 * cost entered as an expense of the income and expense statement.
 */
@ApplicationModule(displayName = "repairplan 大中修计划",
		allowedDependencies = { "estate", "finance", "journal", "system", "system :: engine", "system :: errors",
				"system :: numbering", "system :: pages", "system :: security" })
@OwnsTables({ "repair_plan", "repair_progress" })
package cn.tianxiacheng.servicecenter.repairplan;

import cn.tianxiacheng.servicecenter.system.OwnsTables;
import org.springframework.modulith.ApplicationModule;
