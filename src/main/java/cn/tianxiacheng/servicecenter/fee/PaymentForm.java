package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.util.List;

import cn.tianxiacheng.servicecenter.fee.Cashier.PaymentCommand;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/** The counter's 收款 form on a unit's account: the amount, how it was paid, the bills ticked (none: oldest first). */
record PaymentForm(@NotNull(message = "请求编号缺失，请刷新页面后重新填写") String idempotencyKey,
		@NotNull(message = AMOUNT) @DecimalMin(value = "0.01", message = AMOUNT) @Digits(integer = 12, fraction = 2,
				message = AMOUNT) BigDecimal amount,
		@NotNull(message = "请选择收款方式") PaymentMethod method, List<Long> billIds) {

	static final String AMOUNT = "金额必须是大于 0、最多两位小数的数字，如 268.50";

	PaymentCommand toCommand(long unitId) {
		return new PaymentCommand(idempotencyKey, unitId, amount, method, billIds);
	}

}
