package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * 收款: money a unit paid, with its receipt. Never changed: a mistake is reversed. The
 * fingerprint of the request tells a retry (same key, same request) from a second request that
 * reused the key.
 */
record Payment(long id, long unitId, String idempotencyKey, String requestFingerprint, BigDecimal amount,
		PaymentMethod method, String receiptNumber, Instant receivedAt, String receivedBy, String receivedAs) {
}
