package cn.tianxiacheng.servicecenter.fee;

/**
 * The ledger's rule, named once: a bill or a payment stands unless it was reversed. Its SQL
 * predicates, for the queries that sum what stands.
 */
final class Standing {

	/** How a deposit's reversal at its refund begins: the deposit was settled, not issued in error. */
	static final String DEPOSIT_REFUND_REASON = "押金退还：";

	private Standing() {
	}

	/** The deposit bill whose id is in the column was settled by its refund (the money was collected). */
	static String settledByRefund(String billIdColumn) {
		return "exists (select 1 from reversal r where r.bill_id = " + billIdColumn + " and r.reason like '"
				+ DEPOSIT_REFUND_REASON + "%')";
	}

	/** The payment whose id is in the column stands. */
	static String payment(String idColumn) {
		return "not exists (select 1 from reversal r where r.payment_id = " + idColumn + ")";
	}

	/** The bill whose id is in the column stands. */
	static String bill(String idColumn) {
		return "not exists (select 1 from reversal r where r.bill_id = " + idColumn + ")";
	}

	/** What standing payments paid of the bill whose id is in the column. */
	static String paidOn(String billIdColumn) {
		return "coalesce((select sum(a.amount) from payment_allocation a where a.bill_id = " + billIdColumn + " and "
				+ payment("a.payment_id") + "), 0)";
	}

}
