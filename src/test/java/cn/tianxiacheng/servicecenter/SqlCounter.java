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

	/** While on, the statements executed are counted by kind ({@link #kind}) in {@link #KINDS}. */
	public static volatile boolean countKinds;

	public static final java.util.Map<String, java.util.concurrent.atomic.LongAdder> KINDS = new java.util.concurrent.ConcurrentHashMap<>();

	private static final java.util.regex.Pattern WRITE = java.util.regex.Pattern
		.compile("^\\s*(insert into|update|delete from)\\s+(\\w+)");

	private static final java.util.regex.Pattern READ = java.util.regex.Pattern.compile("\\bfrom\\s+(\\w+)");

	/** {@code insert into act_hi_detail}, {@code select from act_ru_task}: what a statement does to which table. */
	public static String kind(String sql) {
		String text = sql.toLowerCase(java.util.Locale.ROOT);
		java.util.regex.Matcher write = WRITE.matcher(text);
		if (write.find()) {
			return write.group(1) + " " + write.group(2);
		}
		java.util.regex.Matcher read = READ.matcher(text);
		return read.find() ? "select from " + read.group(1) : text.strip().split("\\s+")[0];
	}

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
						String text = sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String given ? given : null;
						if (countKinds && text != null) {
							KINDS.computeIfAbsent(kind(text), k -> new java.util.concurrent.atomic.LongAdder()).increment();
						}
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
