package cn.tianxiacheng.servicecenter.system;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Every date that comes in lies between 1900 and a hundred years from now: a birth date, a
 * contract or a plan never lies outside, and a year such as +339983 would only break reports
 * and the database's date types.
 */
final class SaneDates {

	static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	static final int YEARS_AHEAD = 100;

	private SaneDates() {
	}

	public static boolean isSane(LocalDate date) {
		return date == null || !date.isBefore(EARLIEST) && !date.isAfter(latest());
	}

	public static boolean isSane(LocalDateTime dateTime) {
		return dateTime == null || isSane(dateTime.toLocalDate());
	}

	/** Refuses (400, naming the field) a date outside the window. */
	public static void check(String field, LocalDate date) {
		if (!isSane(date)) {
			throw new BadInputException(refusal(field));
		}
	}

	static String refusal(String field) {
		return "“" + field + "”的" + outOfRange();
	}

	static String outOfRange() {
		return "日期超出合理范围（" + EARLIEST.getYear() + " 年至 " + latest().getYear() + " 年）";
	}

	private static LocalDate latest() {
		return LocalDate.now(ZoneOffset.UTC).plusYears(YEARS_AHEAD);
	}

}
