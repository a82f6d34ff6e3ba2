package cn.tianxiacheng.servicecenter.fee;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Receipt numbers {@code SK2026-000123}: one gapless series a year. The counter row is locked
 * by the update until the payment's transaction ends, so two cashiers never get the same number.
 */
@Component
class ReceiptNumbers {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ReceiptNumbers(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	String next() {
		int year = LocalDate.now(clock).getYear();
		if (jdbc.update("update receipt_counter set last_number = last_number + 1 where receipt_year = ?", year) == 0) {
			try {
				jdbc.update("insert into receipt_counter (receipt_year, last_number) values (?, 1)", year);
			}
			catch (DuplicateKeyException startedByAnotherCashier) {
				jdbc.update("update receipt_counter set last_number = last_number + 1 where receipt_year = ?", year);
			}
		}
		Integer number = jdbc.queryForObject("select last_number from receipt_counter where receipt_year = ?",
				Integer.class, year);
		return "SK%d-%06d".formatted(year, number);
	}

}
