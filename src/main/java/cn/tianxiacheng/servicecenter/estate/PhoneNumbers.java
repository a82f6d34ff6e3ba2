package cn.tianxiacheng.servicecenter.estate;

import java.util.regex.Pattern;

/**
 * Mainland China phone numbers as owners give them: a mobile number ({@code 13812345678}) or a
 * landline with its area code ({@code 010-87654321}, {@code 0311-8765432}, with or without the
 * dash).
 */
public final class PhoneNumbers {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}");

	private PhoneNumbers() {
	}

	/** A mobile number, the kind a text message reaches. */
	public static boolean isMobile(String phone) {
		return phone != null && MOBILE.matcher(phone).matches();
	}

	public static boolean isValid(String phone) {
		return phone != null && (MOBILE.matcher(phone).matches() || LANDLINE.matcher(phone).matches());
	}

}
