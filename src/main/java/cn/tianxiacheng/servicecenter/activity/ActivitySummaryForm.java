package cn.tianxiacheng.servicecenter.activity;

import java.math.BigDecimal;

import cn.tianxiacheng.servicecenter.activity.Activities.Summary;

/** The 活动总结 form, without its photos; the summary's rules are {@link Activities#summarize}'s. */
record ActivitySummaryForm(String summary, Integer actualParticipants, BigDecimal actualCost) {

	Summary toSummary() {
		return new Summary(summary, actualParticipants, actualCost);
	}

}
