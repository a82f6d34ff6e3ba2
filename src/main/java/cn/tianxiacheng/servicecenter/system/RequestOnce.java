package cn.tianxiacheng.servicecenter.system;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a request that carries its own id ({@code requestId}, {@code idempotencyKey}) is
 * applied once. The request runs in a transaction and itself looks for an earlier request with
 * the same id, answering with that one's result. Two copies sent at the same moment both find
 * none, and the unique key on the id (or the row's lock) refuses the second: that copy runs
 * again, in a new transaction, and finds the first.
 */
@Component
public class RequestOnce {

	private final TransactionTemplate transactions;

	private final JdbcTemplate jdbc;

	RequestOnce(PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.jdbc = jdbc;
	}

	public <T> T apply(Supplier<T> request) {
		try {
			return transactions.execute(status -> request.get());
		}
		catch (DataIntegrityViolationException | ConcurrencyFailureException sameRequestAtTheSameTime) {
			return transactions.execute(status -> request.get());
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
