package cn.tianxiacheng.servicecenter.fee;

import java.time.Instant;

import cn.tianxiacheng.servicecenter.model.BaseEntity;
import jakarta.persistence.Entity;

/**
 * 冲正: undoes one bill or one payment, with the reason. The original stays as it was.
 */
@Entity
public class Reversal extends BaseEntity {

	private Long billId;

	private Long paymentId;

	private String reason;

	private Instant reversedAt;

	private String reversedBy;

	protected Reversal() {
	}

	static Reversal ofBill(Long billId, String reason, String by, Instant at) {
		Reversal reversal = new Reversal();
		reversal.billId = billId;
		reversal.reason = reason;
		reversal.reversedBy = by;
		reversal.reversedAt = at;
		return reversal;
	}

	static Reversal ofPayment(Long paymentId, String reason, String by, Instant at) {
		Reversal reversal = new Reversal();
		reversal.paymentId = paymentId;
		reversal.reason = reason;
		reversal.reversedBy = by;
		reversal.reversedAt = at;
		return reversal;
	}

	public Long getBillId() {
		return billId;
	}

	public Long getPaymentId() {
		return paymentId;
	}

	public String getReason() {
		return reason;
	}

	public Instant getReversedAt() {
		return reversedAt;
	}

	public String getReversedBy() {
		return reversedBy;
	}

}
