package cn.tianxiacheng.servicecenter.casework;

import org.springframework.stereotype.Component;

/**
 * Return visit timers for the BPMN: how long after a case closes its visit is due
 * ({@code ${returnVisitSchedule.delay}}), when the monthly routine visits start, and whether an
 * owner not reached is called again ({@code ${returnVisitSchedule.mayTryAgain(attempts)}}).
 */
@Component("returnVisitSchedule")
public class ReturnVisitSchedule {

	private final CaseProperties properties;

	ReturnVisitSchedule(CaseProperties properties) {
		this.properties = properties;
	}

	public String getCampaignCron() {
		return properties.routineVisitCron();
	}

	/** After this many tries without reaching the owner, the visit ends as unreachable. */
	public boolean mayTryAgain(int attempts) {
		return attempts < ReturnVisitProcess.MAX_ATTEMPTS;
	}

	/** ISO 8601 duration, e.g. {@code PT24H}. */
	public String getDelay() {
		return properties.returnVisitAfter().toString();
	}

}
