package cn.tianxiacheng.servicecenter.fee;

/**
 * {@code FeeBillingProcess}: its key, message, element ids and variables, for code and tests.
 */
public final class FeeBillingProcess {

	public static final String KEY = "FeeBillingProcess";

	/** Starts a run on demand, with {@link Var#KIND} and {@link Var#PERIOD}. */
	public static final String BILLING_REQUESTED = "FeeBillingRequested";

	private FeeBillingProcess() {
	}

	public static final class Element {

		public static final String BILLING_DUE = "StartEvent_BillingDue";

		public static final String BILLING_REQUESTED = "StartEvent_BillingRequested";

		public static final String BILLING_KIND = "Gateway_BillingKind";

		public static final String ISSUE_MONTHLY_BILLS = "Task_IssueMonthlyBills";

		public static final String HEATING_SEASON_STARTS = "Gateway_HeatingSeasonStarts";

		public static final String ISSUE_HEATING_BILLS = "Task_IssueHeatingBills";

		public static final String BILLS_ISSUED = "EndEvent_BillsIssued";

		private Element() {
		}

	}

	public static final class Var {

		/** {@code MONTHLY} or {@code HEATING}, on a run on demand. */
		public static final String KIND = "kind";

		/** {@code 2026-11} for a month, {@code 2026} for the heating season starting that year. */
		public static final String PERIOD = "period";

		/** Whether the month billed is the one the heating season starts in. */
		public static final String HEATING_SEASON_STARTS = "heatingSeasonStarts";

		public static final String STARTED_BY = "startedBy";

		/** The estate a run on demand bills; none on the timer's run, which bills every estate. */
		public static final String ESTATE_ID = "estateId";

		public static final String ISSUED = "issuedCount";

		public static final String ALREADY_ISSUED = "alreadyIssuedCount";

		public static final String TOTAL = "totalAmount";

		private Var() {
		}

	}

}
