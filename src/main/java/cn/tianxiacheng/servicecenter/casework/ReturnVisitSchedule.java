package cn.tianxiacheng.servicecenter.casework;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Return visit timers for the BPMN: how long after a case closes its visit is due
 * ({@code ${returnVisitSchedule.delay}}), and when the monthly routine visits start.
 */
@Component("returnVisitSchedule")
public class ReturnVisitSchedule {

	private final String delay;

	private final String campaignCron;

	ReturnVisitSchedule(@Value("${servicecenter.cases.return-visit-after}") String delay,
			@Value("${servicecenter.cases.routine-visit-cron}") String campaignCron) {
		this.delay = delay;
		this.campaignCron = campaignCron;
	}

	public String getCampaignCron() {
		return campaignCron;
	}

	/** ISO 8601 duration, e.g. {@code PT24H}. */
	public String getDelay() {
		return delay;
	}

}
