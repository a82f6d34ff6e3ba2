package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A bill about to be issued. */
record NewBill(long unitId, long feeItemId, String period, String subject, LocalDate periodStart,
		LocalDate periodEnd, BigDecimal amount, LocalDate dueDate, String description) {
}
