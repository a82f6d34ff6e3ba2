package cn.tianxiacheng.servicecenter.assistance;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The timers of {@code AssistanceRequestProcess} (ISO 8601 durations): how long reception waits
 * before chasing the developer again ({@code ${assistanceSchedule.followUpAfter}}), and how long
 * after the hand-over the return visit is due.
 */
@Component("assistanceSchedule")
public class AssistanceSchedule {

	private final String followUpAfter;

	private final String returnVisitAfter;

	AssistanceSchedule(@Value("${servicecenter.assistance.follow-up-after}") String followUpAfter,
			@Value("${servicecenter.assistance.return-visit-after}") String returnVisitAfter) {
		this.followUpAfter = followUpAfter;
		this.returnVisitAfter = returnVisitAfter;
	}

	public String getFollowUpAfter() {
		return followUpAfter;
	}

	public String getReturnVisitAfter() {
		return returnVisitAfter;
	}

}
