package cn.tianxiacheng.servicecenter.repairplan;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.tianxiacheng.servicecenter.repairplan.RepairPlans.Draft;

/** The director's 拟定大、中修计划 form; the plan's rules are {@link RepairPlans#draft}'s. */
record RepairPlanForm(String requestId, RepairScale scale, String item, String facility, String reason,
		String constructionPlan, BigDecimal budget, LocalDate plannedStart, LocalDate plannedEnd) {

	Draft toDraft() {
		return new Draft(requestId, scale, item, facility, reason, constructionPlan, budget, plannedStart, plannedEnd);
	}

}
