package cn.tianxiacheng.servicecenter.system;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a request that carries its own id ({@code requestId}, {@code idempotencyKey}) is
 * applied once. The request runs in a transaction and itself looks for an earlier request with
 * the same id, answering with that one's result. Two copies sent at the same moment both find
 * none, and the unique key on the id (or the row's lock) refuses the second: that copy runs
 * again, in a new transaction, and finds the first. Twenty copies at once may collide again while
 * the first is still committing (H2 refuses a duplicate key before the other side commits), so a
 * copy tries again a few times, a little later each time, before it gives up; and a copy refused
 * by a business rule that the first copy's record now breaks tries once more.
 */
@Component
@NamedInterface("pages")
public class RequestOnce {

	private final TransactionTemplate transactions;

	private final JdbcTemplate jdbc;

	RequestOnce(PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.jdbc = jdbc;
	}

	private static final int ATTEMPTS = 12;

	public <T> T apply(Supplier<T> request) {
		boolean refusedOnce = false;
		for (int attempt = 1;; attempt++) {
			try {
				return transactions.execute(status -> request.get());
			}
			catch (ConflictException | BusinessRuleException refusal) {
				// a copy that looked for the first before it was committed, and then met its record
				// (the space already let, the plate already leased): once more, it finds the first
				if (refusedOnce) {
					throw refusal;
				}
				refusedOnce = true;
			}
			catch (DataIntegrityViolationException | ConcurrencyFailureException | OptimisticLockingException sameRequestAtTheSameTime) {
				if (attempt == ATTEMPTS) {
					throw sameRequestAtTheSameTime;
				}
				pause(attempt);
			}
		}
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(10, 20L * attempt + 11));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The result of the earlier request with this id, if there was one: {@code query} selects it
	 * from the owner's table by its {@code request_id}. None for a request without an id.
	 */
	public <T> Optional<T> earlier(String requestId, String query, RowMapper<T> result) {
		if (requestId == null) {
			return Optional.empty();
		}
		return jdbc.query(query, result, requestId).stream().findFirst();
	}

}
