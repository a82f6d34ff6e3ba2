package cn.tianxiacheng.servicecenter.system;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGStatement;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, has the engine's queries that join the authorizations (a Tasklist filter's list
 * and count, Cockpit's searches) planned at every execution with their parameters. The driver
 * otherwise prepares a statement on the server after its fifth execution, and PostgreSQL then
 * keeps one plan for all parameters: for {@code PERMS_ & ? = ?} it cannot use the statistics of
 * the permission bits ({@link QueueIndexes}), takes a group's thousands of task grants for a few
 * dozen and joins each grant with each task (a count of 30,000 tasks: 0.3 s planned with its
 * parameters, 56 s with the kept plan; README, benchmark 3). Planning costs about 2 ms, paid only
 * by these queries: every other statement keeps its prepared plan.
 */
@Component
class AuthorizedQueryPlans implements BeanPostProcessor {

	/** The engine's join of a query with the grants that let the caller see its rows. */
	static final String AUTHORIZATION_JOIN = "AUTH.RESOURCE_ID_";

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return bean instanceof DataSource dataSource && beanName.equals("dataSource") ? new PlannedEachTime(dataSource)
				: bean;
	}

	static final class PlannedEachTime extends DelegatingDataSource {

		PlannedEachTime(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return planned(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return planned(super.getConnection(username, password));
		}

		private static Connection planned(Connection connection) {
			return (Connection) Proxy.newProxyInstance(AuthorizedQueryPlans.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						Object result;
						try {
							result = method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
						if (method.getName().equals("prepareStatement") && args[0] instanceof String sql
								&& sql.contains(AUTHORIZATION_JOIN) && result instanceof Statement statement
								&& statement.isWrapperFor(PGStatement.class)) {
							// an unnamed statement: PostgreSQL plans it for the parameters given
							statement.unwrap(PGStatement.class).setPrepareThreshold(0);
						}
						return result;
					});
		}

	}

}
