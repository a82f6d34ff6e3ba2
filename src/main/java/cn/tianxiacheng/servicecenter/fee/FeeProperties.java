package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;

import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The estate's fee settings.
 *
 * @param paymentTermDays days from the start of a bill's period to its due date
 * @param heatingSeasonStart first day of the heating season, {@code MM-dd}
 * @param heatingSeasonEnd last day of the heating season, {@code MM-dd}
 * @param heatingVacantShare share of the heating fee a sold but vacant unit pays
 * @param receptionMayCollect whether receptionists take payments when the cashier is away
 * @param monthlyBillingCron when monthly billing runs (Quartz-style cron of Camunda timers); the
 *        heating season is billed in the run of the month it starts in
 * @param dunningAfterDays days a bill may be overdue before its unit is dunned
 * @param dunningSecondReminderAfter wait before the second call when the owner made no promise
 * @param arrearsScanCron when units are checked for arrears
 * @param maxPayment the most one payment may be: more is taken for a typing error
 * @param billingFrom the estate's first month that bills may be issued for
 * @param billingYearsAhead how many years ahead of today bills may be issued for
 */
@ConfigurationProperties("servicecenter.fees")
public record FeeProperties(int paymentTermDays, String heatingSeasonStart, String heatingSeasonEnd,
		BigDecimal heatingVacantShare, boolean receptionMayCollect, String monthlyBillingCron,
		int dunningAfterDays, String dunningSecondReminderAfter, String arrearsScanCron, BigDecimal maxPayment,
		YearMonth billingFrom, int billingYearsAhead) {

	/** Refuses (422) a billing month outside the estate's life: before its first month, or years ahead. */
	void requireBillable(YearMonth month, LocalDate today) {
		YearMonth last = YearMonth.from(today).plusYears(billingYearsAhead);
		if (month.isBefore(billingFrom) || month.isAfter(last)) {
			throw new BusinessRuleException("账期 " + month + " 不在可开账的范围内（" + billingFrom + " 至 " + last + "），请核对年份");
		}
	}

	MonthDay seasonStart() {
		return MonthDay.parse("--" + heatingSeasonStart);
	}

	MonthDay seasonEnd() {
		return MonthDay.parse("--" + heatingSeasonEnd);
	}

}
