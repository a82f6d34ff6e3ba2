package cn.tianxiacheng.servicecenter.assistance;

import org.springframework.stereotype.Component;

/**
 * The timers of {@code AssistanceRequestProcess} (ISO 8601 durations): how long reception waits
 * before chasing the developer again ({@code ${assistanceSchedule.followUpAfter}}), and how long
 * after the hand-over the return visit is due.
 */
@Component("assistanceSchedule")
public class AssistanceSchedule {

	private final AssistanceProperties properties;

	AssistanceSchedule(AssistanceProperties properties) {
		this.properties = properties;
	}

	public String getFollowUpAfter() {
		return properties.followUpAfter().toString();
	}

	public String getReturnVisitAfter() {
		return properties.returnVisitAfter().toString();
	}

}
