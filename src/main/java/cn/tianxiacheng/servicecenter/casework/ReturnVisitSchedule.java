package cn.tianxiacheng.servicecenter.casework;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How long after a case closes its return visit is due ({@code ${returnVisitSchedule.delay}}). */
@Component("returnVisitSchedule")
public class ReturnVisitSchedule {

	private final String delay;

	ReturnVisitSchedule(@Value("${servicecenter.cases.return-visit-after}") String delay) {
		this.delay = delay;
	}

	/** ISO 8601 duration, e.g. {@code PT24H}. */
	public String getDelay() {
		return delay;
	}

}
