package cn.tianxiacheng.servicecenter.evaluation;

import java.time.LocalDate;
import java.time.YearMonth;

/** A half month (上半月 1st–15th, 下半月 16th–end), the period a sheet evaluates. */
record HalfMonth(LocalDate start, LocalDate end) {

	/** The half month that ended before the day (on the 1st: last month's second half). */
	static HalfMonth endedBefore(LocalDate day) {
		LocalDate last = day.getDayOfMonth() > 15 ? day.withDayOfMonth(15) : day.withDayOfMonth(1).minusDays(1);
		return containing(last);
	}

	static HalfMonth containing(LocalDate day) {
		YearMonth month = YearMonth.from(day);
		return day.getDayOfMonth() <= 15 ? new HalfMonth(month.atDay(1), month.atDay(15))
				: new HalfMonth(month.atDay(16), month.atEndOfMonth());
	}

	/** 2026-11-1 for 上半月, 2026-11-2 for 下半月. */
	public String key() {
		return YearMonth.from(start) + "-" + (start.getDayOfMonth() == 1 ? 1 : 2);
	}

	public String label() {
		return start.getYear() + "年" + start.getMonthValue() + "月" + (start.getDayOfMonth() == 1 ? "上半月" : "下半月");
	}

	public HalfMonth previous() {
		return endedBefore(start);
	}

}
