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
 * Gapless number series (receipts {@code SK2026-000123}, cases {@code TS-20261127-0007}). The
 * series row is locked by the increment until the caller's transaction ends, so two staff
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

	/** The next number of the series, from 1; call inside the transaction that uses it. */
	public int next(String series) {
		if (jdbc.update(INCREMENT, series) == 0) {
			start(series);
			jdbc.update(INCREMENT, series);
		}
		return jdbc.queryForObject("select last_number from number_series where series = ?", Integer.class, series);
	}

	/** The next number of today's series of the prefix, as a record's number: {@code CW-20261127-0007}. */
	public String nextOfDay(String prefix) {
		String series = prefix + "-" + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE);
		return "%s-%04d".formatted(series, next(series));
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
