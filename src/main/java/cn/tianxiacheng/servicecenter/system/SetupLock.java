package cn.tianxiacheng.servicecenter.system;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Setup that runs at every start checks what exists, then creates what is missing: on several
 * nodes starting at once on one database, two would both find a group missing and both insert
 * it. The setup runs in one transaction holding the lock row of {@code setup_lock}, so the nodes
 * take turns; the engine's commands join that transaction.
 */
@Component
@NamedInterface("setup")
public class SetupLock {

	private final TransactionTemplate transactions;

	private final JdbcTemplate jdbc;

	SetupLock(PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.jdbc = jdbc;
	}

	/** Runs the setup in a transaction (or the caller's) that holds the lock until it commits. */
	public void run(Runnable setup) {
		transactions.executeWithoutResult(status -> {
			holdUntilCommit();
			setup.run();
		});
	}

	/** Takes the lock for the caller's transaction: another node's setup waits until it ends. */
	public void holdUntilCommit() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("The setup lock is held by a transaction: call it within one");
		}
		jdbc.queryForObject("select name from setup_lock where name = 'setup' for update", String.class);
	}

}
