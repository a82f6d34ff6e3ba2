package cn.tianxiacheng.servicecenter.system;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import cn.tianxiacheng.servicecenter.ServiceCenterApplication;
import cn.tianxiacheng.servicecenter.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class PostgresProfileIntegrationTests {

	/**
	 * A refused start closes its engine: under the shared name "default" that would unregister the
	 * suite's own engine, and every later {@code /engine-rest} call would answer "No process engine".
	 */
	private static final String[] SEPARATE_ENGINE = { "--camunda.bpm.generate-unique-process-engine-name=true",
			"--camunda.bpm.webapp.enabled=false" };

	@Test
	void shouldRefuseToStartWithoutTheAdminPassword() {
		List<String> args = new ArrayList<>();
		TestDatabase.properties().forEach(property -> args.add("--" + property));
		args.add("--server.port=0");
		args.addAll(List.of(SEPARATE_ENGINE));

		assertThatThrownBy(() -> new SpringApplicationBuilder(ServiceCenterApplication.class).profiles("postgres")
			.run(args.toArray(String[]::new))
			.close()).hasStackTraceContaining("SERVICECENTER_ADMIN_PASSWORD");
	}

	@Test
	void shouldRefuseToStartWithTheDemoPassword() {
		assertThatThrownBy(() -> startOnAFreshDatabase("demo_password_", "--servicecenter.admin.password=demo"))
			.hasStackTraceContaining("Users with the demo password: [admin]");
	}

	@Test
	void shouldRefuseToStartWithTheDevelopmentSenderOfOwnersCodes() {
		assertThatThrownBy(() -> startOnAFreshDatabase("owner_codes_", "--servicecenter.admin.password=Owner-codes-test-9431",
				"--servicecenter.owner.code-sender=log"))
			.hasStackTraceContaining("a development setting the postgres profile refuses");
	}

	/** The postgres profile on a database of its own, with the release secret and the given settings. */
	private static void startOnAFreshDatabase(String databasePrefix, String... settings) {
		List<String> database = TestDatabase.freshPostgresDatabase(databasePrefix + System.nanoTime());
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + database.get(0),
				"--spring.datasource.username=" + database.get(1), "--spring.datasource.password=" + database.get(2),
				"--server.port=0", "--servicecenter.release.secret=a-release-secret-of-the-test"));
		args.addAll(List.of(settings));
		args.addAll(List.of(SEPARATE_ENGINE));
		new SpringApplicationBuilder(ServiceCenterApplication.class).profiles("postgres")
			.run(args.toArray(String[]::new))
			.close();
	}

}
