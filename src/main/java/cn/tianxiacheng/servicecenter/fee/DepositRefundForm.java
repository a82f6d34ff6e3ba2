package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A 退押金 on a unit's account: the deduction (none when blank), its reason, how the rest is paid back. */
record DepositRefundForm(BigDecimal deduction, @NotBlank(message = "请填写原因") String reason,
		@NotNull(message = "请选择退款方式") PaymentMethod method) {

	BigDecimal deducted() {
		return deduction == null ? BigDecimal.ZERO : deduction;
	}

}
