package cn.tianxiacheng.servicecenter.system;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gapless number series, each estate's its own, every number led by the estate's code (receipts
 * {@code TXC-SK2026-000123}, cases {@code TXC-TS-20261127-0007}): a number alone names its estate.
 * The series row is locked by the increment until the caller's transaction ends, so two staff
 * members never get the same number, and a number is used only if that transaction commits.
 */
@Component
@NamedInterface("numbering")
public class NumberSeries {

	private static final String INCREMENT = "update number_series set last_number = last_number + 1 where series = ?";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	NumberSeries(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The next number of the estate's series, from 1, as a record's number: {@code TXC-SK2026-000123}
	 * for the series {@code SK2026} with 6 digits. Call inside the transaction that uses it.
	 */
	public String next(String estateCode, String series, int digits) {
		String key = estateCode + "-" + series;
		if (jdbc.update(INCREMENT, key) == 0) {
			start(key);
			jdbc.update(INCREMENT, key);
		}
		int number = jdbc.queryForObject("select last_number from number_series where series = ?", Integer.class, key);
		return key + "-" + String.format("%0" + digits + "d", number);
	}

	/** The next number of the estate's series of the prefix today: {@code TXC-CW-20261127-0007}. */
	public String nextOfDay(String estateCode, String prefix) {
		return next(estateCode, prefix + "-" + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE), 4);
	}

	/**
	 * Creates the series in a transaction of its own: when two callers start a series at once,
	 * the loser's failed insert must not spoil its own transaction (PostgreSQL aborts it).
	 */
	private void start(String series) {
		try {
			ownTransaction.executeWithoutResult(
					status -> jdbc.update("insert into number_series (series, last_number) values (?, 0)", series));
		}
		catch (DuplicateKeyException startedByAnother) {
			// the series exists now: go on with it
		}
	}

}
