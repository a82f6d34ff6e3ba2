package cn.tianxiacheng.servicecenter.fee;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bill's period and a billing run as staff read them. The stored keys stay as they are
 * ({@code 2026-12}, {@code YJ-1316}, {@code BILLING-MONTHLY-2026-12}): runs and deductions are
 * found by them.
 */
public final class BillPeriods {

	private static final Pattern RUN_KEY = Pattern.compile("BILLING-(MONTHLY|HEATING)-(\\d{4}(?:-\\d{2})?)");

	private BillPeriods() {
	}

	/** 2026年12月, 2026年, 押金抵扣（押金账单 1316）; a case's bill keeps its case number. */
	static String label(String period) {
		if (period.matches("\\d{4}-\\d{2}")) {
			return Integer.parseInt(period.substring(0, 4)) + "年" + Integer.parseInt(period.substring(5)) + "月";
		}
		if (period.matches("\\d{4}")) {
			return period + "年";
		}
		if (period.startsWith(DepositRefunds.DEDUCTION_PERIOD_PREFIX)) {
			return "押金抵扣（押金账单 " + period.substring(DepositRefunds.DEDUCTION_PERIOD_PREFIX.length()) + "）";
		}
		return period;
	}

	/** A process's business key as staff read it: a billing run's in words, any other as it is. */
	public static String ofBusinessKey(String businessKey) {
		Matcher run = businessKey == null ? null : RUN_KEY.matcher(businessKey);
		return run != null && run.matches() ? runLabel(OnDemandBilling.Kind.valueOf(run.group(1)), run.group(2))
				: businessKey;
	}

	/** 2026年12月 月度账单, 2026年 采暖季账单. */
	static String runLabel(OnDemandBilling.Kind kind, String period) {
		return label(period) + (kind == OnDemandBilling.Kind.HEATING ? " 采暖季账单" : " 月度账单");
	}

}
