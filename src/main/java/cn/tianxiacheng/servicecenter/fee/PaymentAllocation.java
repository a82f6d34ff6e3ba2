package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.time.Instant;

import cn.tianxiacheng.servicecenter.model.BaseEntity;
import jakarta.persistence.Entity;

/**
 * The part of a payment that covers one bill. A payment's money not allocated is the unit's
 * prepaid balance (预存), which the next bills draw on.
 */
@Entity
public class PaymentAllocation extends BaseEntity {

	private Long paymentId;

	private Long billId;

	private BigDecimal amount;

	private Instant allocatedAt;

	protected PaymentAllocation() {
	}

	PaymentAllocation(Long paymentId, Long billId, BigDecimal amount, Instant allocatedAt) {
		this.paymentId = paymentId;
		this.billId = billId;
		this.amount = amount;
		this.allocatedAt = allocatedAt;
	}

	public Long getPaymentId() {
		return paymentId;
	}

	public Long getBillId() {
		return billId;
	}

	public BigDecimal getAmount() {
		return amount;
	}

}
