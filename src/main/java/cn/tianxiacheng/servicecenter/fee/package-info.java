/**
 * Fees: fee items and rates, the formulas, billing runs and the one bill-issuing path, the append-
 * only ledger with payments, receipts, reversals and deposit refunds, meter readings, shared
 * costs, the cashier's pages.
 */
@ApplicationModule(displayName = "fee 收费",
		allowedDependencies = { "estate", "system", "system :: engine", "system :: errors", "system :: numbering",
				"system :: pages", "system :: persistence", "system :: security", "system :: setup" })
@OwnsTables(value = { "fee_item", "fee_rate", "fee_rate_change", "bill", "payment", "payment_allocation", "reversal", "refund", "compensation", "meter_reading", "ledger_entry", "billing_run_request", "case_charge_correction", "reversed_receipt" }, published = { "ledger_entry", "reversed_receipt" })
package cn.tianxiacheng.servicecenter.fee;

import cn.tianxiacheng.servicecenter.system.OwnsTables;
import org.springframework.modulith.ApplicationModule;
