package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.time.MonthDay;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The estate's fee settings.
 *
 * @param paymentTermDays days from the start of a bill's period to its due date
 * @param heatingSeasonStart first day of the heating season, {@code MM-dd}
 * @param heatingSeasonEnd last day of the heating season, {@code MM-dd}
 * @param heatingVacantShare share of the heating fee a sold but vacant unit pays
 * @param receptionMayCollect whether receptionists take payments when the cashier is away
 * @param monthlyBillingCron when monthly billing runs (Quartz-style cron of Camunda timers)
 * @param heatingBillingCron when heating-season billing runs
 */
@ConfigurationProperties("servicecenter.fees")
public record FeeProperties(int paymentTermDays, String heatingSeasonStart, String heatingSeasonEnd,
		BigDecimal heatingVacantShare, boolean receptionMayCollect, String monthlyBillingCron,
		String heatingBillingCron) {

	MonthDay seasonStart() {
		return MonthDay.parse("--" + heatingSeasonStart);
	}

	MonthDay seasonEnd() {
		return MonthDay.parse("--" + heatingSeasonEnd);
	}

}
