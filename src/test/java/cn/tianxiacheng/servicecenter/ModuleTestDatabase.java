package cn.tianxiacheng.servicecenter;

import java.util.List;
import java.util.UUID;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A database of its own for each module test's context, and the demo history's, of the kind
 * {@link TestDatabase} names: the engine's job executor of a context of its own must not take the
 * jobs of the whole application's tests, nor theirs its own.
 */
public class ModuleTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		List<String> properties = "postgres".equals(TestDatabase.KIND) ? postgres() : TestDatabase.properties();
		TestPropertyValues.of(properties).applyTo(context);
	}

	private static List<String> postgres() {
		List<String> database = TestDatabase.freshPostgresDatabase("module_" + UUID.randomUUID().toString().replace("-", ""));
		return List.of("spring.datasource.url=" + database.get(0), "spring.datasource.username=" + database.get(1),
				"spring.datasource.password=" + database.get(2), "spring.datasource.hikari.connection-timeout=5000");
	}

}
