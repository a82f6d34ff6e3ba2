package cn.tianxiacheng.servicecenter.fee;

import org.springframework.stereotype.Component;

/**
 * The billing times, for the timer start events of {@code FeeBillingProcess}
 * ({@code ${billingSchedule.monthlyCron}}). A changed time takes effect when the process is
 * deployed again.
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

	public String getHeatingCron() {
		return properties.heatingBillingCron();
	}

}
