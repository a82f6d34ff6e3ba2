package cn.tianxiacheng.servicecenter.decoration;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts staff type into a form ({@code 500} or {@code 120.50}) as yuan with two decimals. */
final class Money {

	private Money() {
	}

	/** The amount; nothing typed is zero; more than two decimals is refused, never rounded. */
	static BigDecimal of(Object typed) {
		if (typed == null || typed.toString().isBlank()) {
			return BigDecimal.ZERO.setScale(2);
		}
		BigDecimal amount = new BigDecimal(typed.toString().strip());
		if (amount.signum() < 0 || amount.scale() > 2) {
			throw new IllegalArgumentException("金额“" + typed + "”须为不小于 0、最多两位小数的数");
		}
		return amount.setScale(2, RoundingMode.UNNECESSARY);
	}

}
