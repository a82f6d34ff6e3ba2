package cn.tianxiacheng.servicecenter.dunning;

import cn.tianxiacheng.servicecenter.fee.FeeProperties;
import org.springframework.stereotype.Component;

/**
 * The dunning timers, for the BPMN timer events ({@code ${dunningSchedule.arrearsScanCron}}).
 * A changed start time takes effect when its process is deployed again.
 */
@Component("dunningSchedule")
public class DunningSchedule {

	private final FeeProperties properties;

	DunningSchedule(FeeProperties properties) {
		this.properties = properties;
	}

	public String getArrearsScanCron() {
		return properties.arrearsScanCron();
	}

	/** ISO 8601 duration, e.g. {@code P7D}. */
	public String getSecondReminderAfter() {
		return properties.dunningSecondReminderAfter();
	}

}
