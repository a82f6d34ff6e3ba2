package cn.tianxiacheng.servicecenter.system;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * How the engine's failures reach staff. A failed job's message (and so its incident and its
 * history) is the application's Chinese sentence, or else a Chinese summary: never the SQL or
 * the exception a database driver wrote (the full error stays in the stack trace, which only the
 * administrator may read, and in the log). And two requests that change the same thing at once
 * (twenty colleagues claiming one task) give the loser a 409, however the database said it.
 */
@Component
class EngineFailuresPlugin extends AbstractProcessEnginePlugin {

	static final String SUMMARY = "系统处理出错，请联系系统管理员在流程监控（Cockpit）中查看并重试";

	private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

	/**
	 * Serialization failure and deadlock (class 40), lock not available (55P03), H2's concurrent
	 * update and lock timeout, and a unique key: staff's engine commands insert nothing unique but
	 * what two copies of one act insert at once (the new assignee's authorization of a claim).
	 */
	private static final Set<String> CONCURRENT_STATES = Set.of("55P03", "90131", "HYT00", "23505");

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setFailedJobCommandFactory(
				(jobId, failure) -> new DefaultJobRetryCmd(jobId, summarized(failure)));
		configuration.setHistoryEventProducer(new CacheAwareHistoryEventProducer() {
			@Override
			public HistoryEvent createHistoricJobLogFailedEvt(Job job, Throwable failure) {
				return super.createHistoricJobLogFailedEvt(job, summarized(failure));
			}
		});
		List<CommandInterceptor> interceptors = new ArrayList<>();
		if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
			interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
		}
		interceptors.add(new ConcurrentChanges());
		configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
	}

	/** An optimistic-locking failure stays as it is: the engine retries it without counting it. */
	static Throwable summarized(Throwable failure) {
		if (failure == null || failure instanceof OptimisticLockingException
				|| failure.getMessage() != null && CHINESE.matcher(failure.getMessage()).find()) {
			return failure;
		}
		return new ProcessEngineException(SUMMARY, failure);
	}

	static boolean isConcurrentChange(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof OptimisticLockingException) {
				return true;
			}
			if (cause instanceof SQLException sql) {
				for (SQLException next = sql; next != null; next = next.getNextException()) {
					String state = next.getSQLState();
					if (state != null && (state.startsWith("40") || CONCURRENT_STATES.contains(state))) {
						return true;
					}
				}
			}
			if (cause.getCause() == cause) {
				return false;
			}
		}
		return false;
	}

	/** Around the transaction, so that a conflict found when it is written or committed is seen too. */
	private static final class ConcurrentChanges extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			try {
				return next.execute(command);
			}
			catch (RuntimeException failure) {
				if (isConcurrentChange(failure)) {
					EngineErrorResponses.recordRefusal(new ConflictException("此事项已被他人办理或状态已改变，请刷新后再试"));
				}
				throw failure;
			}
		}

	}

}
