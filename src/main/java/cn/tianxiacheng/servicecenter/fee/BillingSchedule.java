package cn.tianxiacheng.servicecenter.fee;

import org.springframework.stereotype.Component;

/**
 * The fee timers, for the BPMN timer events ({@code ${billingSchedule.monthlyCron}}). A changed
 * start time takes effect when its process is deployed again.
 */
@Component("billingSchedule")
public class BillingSchedule {

	private final FeeProperties properties;

	BillingSchedule(FeeProperties properties) {
		this.properties = properties;
	}

	public String getMonthlyCron() {
		return properties.monthlyBillingCron();
	}

	public String getArrearsScanCron() {
		return properties.arrearsScanCron();
	}

	/** ISO 8601 duration, e.g. {@code P7D}. */
	public String getSecondReminderAfter() {
		return properties.dunningSecondReminderAfter();
	}

}
