package cn.tianxiacheng.servicecenter.estate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * 18-digit resident identity card numbers (GB 11643): the check character, and whether a
 * number is well formed.
 */
public final class IdNumbers {

	/** Today is today somewhere: a birth date is in the future only once it is tomorrow everywhere. */
	private static final ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(14);

	private static final Pattern FORM = Pattern.compile("\\d{17}[\\dX]");

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = "10X98765432".toCharArray();

	private IdNumbers() {
	}

	/** 18 characters, a birth date in them since 1900 and not in the future, and the right check character. */
	public static boolean isValid(String idNumber) {
		if (idNumber == null || !FORM.matcher(idNumber).matches()) {
			return false;
		}
		LocalDate birth;
		try {
			birth = LocalDate.parse(idNumber.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
		}
		catch (DateTimeParseException notADate) {
			return false;
		}
		if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now(LATEST_ZONE))) {
			return false;
		}
		return checkCharacter(idNumber.substring(0, 17)) == idNumber.charAt(17);
	}

	static char checkCharacter(String first17Digits) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

}
