package cn.tianxiacheng.servicecenter.fee;

/**
 * The ledger's rule, named once: a bill or a payment stands unless it was reversed. Its SQL
 * predicates, for the queries that sum what stands.
 */
public final class Standing {

	private Standing() {
	}

	/** The payment whose id is in the column stands. */
	public static String payment(String idColumn) {
		return "not exists (select 1 from reversal r where r.payment_id = " + idColumn + ")";
	}

	/** The bill whose id is in the column stands. */
	public static String bill(String idColumn) {
		return "not exists (select 1 from reversal r where r.bill_id = " + idColumn + ")";
	}

	/** What standing payments paid of the bill whose id is in the column. */
	public static String paidOn(String billIdColumn) {
		return "coalesce((select sum(a.amount) from payment_allocation a where a.bill_id = " + billIdColumn + " and "
				+ payment("a.payment_id") + "), 0)";
	}

}
