/**
 * Fees: fee items and rates, the formulas, billing runs and the one bill-issuing path, the append-
 * only ledger with payments, receipts, reversals and deposit refunds, meter readings, shared
 * costs, the cashier's pages.
 */
@ApplicationModule(displayName = "fee 收费", allowedDependencies = { "estate", "model", "system" })
package cn.tianxiacheng.servicecenter.fee;

import org.springframework.modulith.ApplicationModule;
