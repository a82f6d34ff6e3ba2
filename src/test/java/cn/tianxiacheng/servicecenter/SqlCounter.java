package cn.tianxiacheng.servicecenter;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts, for a benchmark, the SQL statements the application sends (every {@code execute…}
 * call; a JDBC batch counts once) and the commits, by wrapping the {@code dataSource} bean.
 * Declare {@link #postProcessor()} as a static {@code @Bean} of the benchmark's configuration.
 */
public final class SqlCounter {

	public static final AtomicLong STATEMENTS = new AtomicLong();

	public static final AtomicLong COMMITS = new AtomicLong();

	/** While on, the slowest statement executed (its SQL, parameters and time) is kept. */
	public static volatile boolean recordSlowest;

	private static Slow slowest;

	/** A statement as it was executed: its SQL, its parameters by index, its time. */
	public record Slow(String sql, java.util.Map<Integer, Object> parameters, long nanos) {
	}

	public static synchronized Slow slowest() {
		return slowest;
	}

	public static synchronized void resetSlowest() {
		slowest = null;
	}

	private static synchronized void offer(Slow candidate) {
		if (slowest == null || candidate.nanos() > slowest.nanos()) {
			slowest = candidate;
		}
	}

	private SqlCounter() {
	}

	public static BeanPostProcessor postProcessor() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof DataSource dataSource && beanName.equals("dataSource") ? wrap(dataSource) : bean;
			}
		};
	}

	static DataSource wrap(DataSource target) {
		return proxy(DataSource.class, target, null, (method, args, result) -> method.getName().equals("getConnection")
				? proxy(Connection.class, result, null, (connectionMethod, connectionArgs, statement) -> statement instanceof Statement
						? proxy(connectionMethod.getReturnType(), statement,
								connectionMethod.getName().equals("prepareStatement") ? (String) connectionArgs[0] : null,
								(statementMethod, statementArgs, r) -> r)
						: statement)
				: result);
	}

	private interface Wrapper {

		Object wrap(java.lang.reflect.Method method, Object[] args, Object result);

	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, Object target, String sql, Wrapper wrapper) {
		java.util.Map<Integer, Object> parameters = new java.util.TreeMap<>();
		return (T) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] { type },
				(self, method, args) -> {
					String name = method.getName();
					boolean execute = name.startsWith("execute");
					if (execute) {
						STATEMENTS.incrementAndGet();
					}
					else if (name.equals("commit") && type == Connection.class) {
						COMMITS.incrementAndGet();
					}
					else if (sql != null && name.startsWith("set") && args != null && args.length >= 2
							&& args[0] instanceof Integer index) {
						parameters.put(index, args[1]);
					}
					long start = System.nanoTime();
					try {
						return wrapper.wrap(method, args, method.invoke(target, args));
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
					finally {
						if (execute && recordSlowest && sql != null) {
							offer(new Slow(sql, new java.util.TreeMap<>(parameters), System.nanoTime() - start));
						}
					}
				});
	}

}
