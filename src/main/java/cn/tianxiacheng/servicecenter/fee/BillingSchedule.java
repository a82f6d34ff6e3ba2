package cn.tianxiacheng.servicecenter.fee;

import org.springframework.stereotype.Component;

/**
 * The billing timer, for the BPMN timer event ({@code ${billingSchedule.monthlyCron}}). A changed
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

}
