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

	private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();

	private static final String[] PLACES = { "", "拾", "佰", "仟" };

	private static final String[] GROUPS = { "", "万", "亿", "万亿" };

	/**
	 * 大写金额 as receipts and cheques write it: 1,005.60 is 壹仟零伍元陆角整, 100,010.05 is
	 * 壹拾万零壹拾元零伍分, 0.05 is 伍分.
	 */
	public static String inChineseCapitals(BigDecimal amount) {
		BigDecimal yuan = yuan(amount);
		if (yuan.signum() < 0) {
			return "负" + inChineseCapitals(yuan.negate());
		}
		long whole = yuan.longValue();
		int fen = yuan.remainder(BigDecimal.ONE).movePointRight(2).intValue();
		String integer = whole == 0 ? "" : wholeYuan(Long.toString(whole)) + "元";
		if (fen == 0) {
			return (integer.isEmpty() ? "零元" : integer) + "整";
		}
		StringBuilder words = new StringBuilder(integer);
		if (fen / 10 > 0) {
			words.append(DIGITS[fen / 10]).append('角');
		}
		else if (!integer.isEmpty()) {
			words.append('零');
		}
		if (fen % 10 > 0) {
			words.append(DIGITS[fen % 10]).append('分');
		}
		else {
			words.append('整');
		}
		return words.toString();
	}

	private static String wholeYuan(String digits) {
		StringBuilder words = new StringBuilder();
		boolean zeroPending = false;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(i) - '0';
			int position = digits.length() - 1 - i;
			if (digit == 0) {
				zeroPending = true;
			}
			else {
				if (zeroPending && !words.isEmpty()) {
					words.append('零');
				}
				zeroPending = false;
				words.append(DIGITS[digit]).append(PLACES[position % 4]);
			}
			if (position % 4 == 0 && position > 0 && groupHasDigits(digits, i)) {
				words.append(GROUPS[position / 4]);
			}
		}
		return words.toString();
	}

	/** Whether the group of four digits ending at {@code end} has any digit but zero. */
	private static boolean groupHasDigits(String digits, int end) {
		for (int i = Math.max(0, end - 3); i <= end; i++) {
			if (digits.charAt(i) != '0') {
				return true;
			}
		}
		return false;
	}

}
