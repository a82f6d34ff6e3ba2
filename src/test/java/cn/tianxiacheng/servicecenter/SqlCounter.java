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
		return proxy(DataSource.class, target, (method, result) -> method.getName().equals("getConnection")
				? proxy(Connection.class, result, (connectionMethod, statement) -> statement instanceof Statement
						? proxy(connectionMethod.getReturnType(), statement, (statementMethod, r) -> r)
						: statement)
				: result);
	}

	private interface Wrapper {

		Object wrap(java.lang.reflect.Method method, Object result);

	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, Object target, Wrapper wrapper) {
		return (T) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] { type },
				(self, method, args) -> {
					String name = method.getName();
					if (name.startsWith("execute")) {
						STATEMENTS.incrementAndGet();
					}
					else if (name.equals("commit") && type == Connection.class) {
						COMMITS.incrementAndGet();
					}
					try {
						return wrapper.wrap(method, method.invoke(target, args));
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
