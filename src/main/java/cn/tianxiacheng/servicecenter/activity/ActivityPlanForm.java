package cn.tianxiacheng.servicecenter.activity;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.tianxiacheng.servicecenter.activity.Activities.Plan;
import org.springframework.util.StringUtils;

/** The 策划活动 form; the plan's rules are {@link Activities#plan}'s. */
record ActivityPlanForm(String requestId, String title, LocalDate heldOn, String place, String plan, String audience,
		Integer expectedParticipants, BigDecimal budget) {

	Plan toPlan() {
		return new Plan(StringUtils.hasText(requestId) ? requestId : null, title, heldOn, place, plan, audience,
				expectedParticipants, budget);
	}

}
