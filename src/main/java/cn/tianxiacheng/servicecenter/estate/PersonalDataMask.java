package cn.tianxiacheng.servicecenter.estate;

/**
 * What one staff member may see of personal data: ID numbers and phone numbers are shown in
 * clear or masked ({@code 1101**********1234}, {@code 138****5678}).
 */
public record PersonalDataMask(boolean showsPhones, boolean showsIdNumbers) {

	public String phone(String phone) {
		return showsPhones ? phone : maskPhone(phone);
	}

	public String idNumber(String idNumber) {
		return showsIdNumbers ? idNumber : maskIdNumber(idNumber);
	}

	/** Keeps the first 3 and the last 4 characters. */
	public static String maskPhone(String phone) {
		return keepEnds(phone, 3, 4);
	}

	/** Keeps the first 4 (the region) and the last 4 characters. */
	public static String maskIdNumber(String idNumber) {
		return keepEnds(idNumber, 4, 4);
	}

	private static String keepEnds(String value, int head, int tail) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		if (value.length() <= head + tail) {
			return "*".repeat(value.length());
		}
		return value.substring(0, head) + "*".repeat(value.length() - head - tail)
				+ value.substring(value.length() - tail);
	}

}
