package cn.tianxiacheng.servicecenter.estate;

/**
 * What one staff member sees of personal data on one page or answer: phone numbers, ID numbers
 * and names in clear or masked ({@code 138****5678}, {@code 1101**********1234}, {@code 张*}).
 */
public record PersonalDataMask(boolean showsPhones, boolean showsIdNumbers, boolean showsNames) {

	/** Everything masked. */
	public static final PersonalDataMask MASKED = new PersonalDataMask(false, false, false);

	public String phone(String phone) {
		return showsPhones ? phone : maskPhone(phone);
	}

	public String idNumber(String idNumber) {
		return showsIdNumbers ? idNumber : maskIdNumber(idNumber);
	}

	public String name(String name) {
		return showsNames ? name : maskName(name);
	}

	/** Keeps the first 3 and the last 4 characters. */
	public static String maskPhone(String phone) {
		return keepEnds(phone, 3, 4);
	}

	/** Keeps the first 4 (the region) and the last 4 characters. */
	public static String maskIdNumber(String idNumber) {
		return keepEnds(idNumber, 4, 4);
	}

	/** Keeps the family name's first character: 张三 → 张*, 欧阳明 → 欧**. */
	public static String maskName(String name) {
		return name == null || name.isEmpty() ? name : name.charAt(0) + "*".repeat(name.length() - 1);
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
