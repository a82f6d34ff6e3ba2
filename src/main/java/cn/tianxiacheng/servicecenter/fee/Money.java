package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts are yuan with 2 decimals (fen). Every computed amount is rounded once, at the end,
 * half up to the fen.
 */
public final class Money {

	public static final BigDecimal ZERO = new BigDecimal("0.00");

	private Money() {
	}

	public static BigDecimal yuan(BigDecimal exact) {
		return exact.setScale(2, RoundingMode.HALF_UP);
	}

	public static BigDecimal yuan(String value) {
		return yuan(new BigDecimal(value));
	}

}
