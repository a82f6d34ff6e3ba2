package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.time.Instant;

import cn.tianxiacheng.servicecenter.model.BaseEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * 收款: money a unit paid, with its receipt. Never changed: a mistake is reversed.
 */
@Entity
public class Payment extends BaseEntity {

	private Long unitId;

	private String idempotencyKey;

	private String requestFingerprint;

	private BigDecimal amount;

	@Enumerated(EnumType.STRING)
	private PaymentMethod method;

	private String receiptNumber;

	private Instant receivedAt;

	private String receivedBy;

	private String receivedAs;

	protected Payment() {
	}

	Payment(Long unitId, String idempotencyKey, String requestFingerprint, BigDecimal amount, PaymentMethod method,
			String receiptNumber, Instant receivedAt, String receivedBy, String receivedAs) {
		this.unitId = unitId;
		this.idempotencyKey = idempotencyKey;
		this.requestFingerprint = requestFingerprint;
		this.amount = amount;
		this.method = method;
		this.receiptNumber = receiptNumber;
		this.receivedAt = receivedAt;
		this.receivedBy = receivedBy;
		this.receivedAs = receivedAs;
	}

	public Long getUnitId() {
		return unitId;
	}

	public String getIdempotencyKey() {
		return idempotencyKey;
	}

	public String getRequestFingerprint() {
		return requestFingerprint;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public PaymentMethod getMethod() {
		return method;
	}

	public String getReceiptNumber() {
		return receiptNumber;
	}

	public Instant getReceivedAt() {
		return receivedAt;
	}

	public String getReceivedBy() {
		return receivedBy;
	}

	public String getReceivedAs() {
		return receivedAs;
	}

}
