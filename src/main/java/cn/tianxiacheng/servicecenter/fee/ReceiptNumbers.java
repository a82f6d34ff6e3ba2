package cn.tianxiacheng.servicecenter.fee;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receipt numbers {@code SK2026-000123}: one gapless series a year. The counter row is locked
 * by the update until the payment's transaction ends, so two cashiers never get the same number.
 */
@Component
class ReceiptNumbers {

	private static final String INCREMENT = "update receipt_counter set last_number = last_number + 1 where receipt_year = ?";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	ReceiptNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	String next() {
		int year = LocalDate.now(clock).getYear();
		if (jdbc.update(INCREMENT, year) == 0) {
			startSeries(year);
			jdbc.update(INCREMENT, year);
		}
		Integer number = jdbc.queryForObject("select last_number from receipt_counter where receipt_year = ?",
				Integer.class, year);
		return "SK%d-%06d".formatted(year, number);
	}

	/**
	 * Creates the year's counter in a transaction of its own: when two cashiers take the year's
	 * first payments at once, the loser's failed insert must not spoil its payment's transaction.
	 */
	private void startSeries(int year) {
		try {
			ownTransaction.executeWithoutResult(status -> jdbc
				.update("insert into receipt_counter (receipt_year, last_number) values (?, 0)", year));
		}
		catch (DuplicateKeyException startedByAnotherCashier) {
			// the series exists now: the caller goes on with it
		}
	}

}
