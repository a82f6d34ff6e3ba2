package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;

/** What one billing run issued: new bills and their total, and bills that already existed. */
public record BillingResult(String period, int issued, int alreadyIssued, BigDecimal total) {
}
