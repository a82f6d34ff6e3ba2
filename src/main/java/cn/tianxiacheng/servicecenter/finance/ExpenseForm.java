package cn.tianxiacheng.servicecenter.finance;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One expense entered on the 收支表 page for its month. */
record ExpenseForm(String requestId,
		@NotBlank(message = "请填写支出类别（最多 30 个字）") @Size(max = 30, message = "请填写支出类别（最多 30 个字）") String category,
		@NotNull(message = AMOUNT) @Digits(integer = 10, fraction = 2, message = AMOUNT) @DecimalMin(value = "0.01",
				message = "金额必须大于 0") BigDecimal amount,
		@NotBlank(message = "请填写支出说明（最多 200 个字）") @Size(max = 200, message = "请填写支出说明（最多 200 个字）") String description) {

	static final String AMOUNT = "金额应为大于 0 的金额（元），最多两位小数，如 1200.50";

}
