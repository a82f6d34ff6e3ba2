package cn.tianxiacheng.servicecenter.system;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import cn.tianxiacheng.servicecenter.ServiceCenterApplication;
import cn.tianxiacheng.servicecenter.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class PostgresProfileIntegrationTests {

	@Test
	void shouldRefuseToStartWithoutTheAdminPassword() {
		List<String> args = new ArrayList<>();
		TestDatabase.properties().forEach(property -> args.add("--" + property));
		args.add("--server.port=0");

		assertThatThrownBy(() -> new SpringApplicationBuilder(ServiceCenterApplication.class).profiles("postgres")
			.run(args.toArray(String[]::new))
			.close()).hasStackTraceContaining("SERVICECENTER_ADMIN_PASSWORD");
	}

	@Test
	void shouldRefuseToStartWithTheDemoPassword() {
		List<String> database = TestDatabase.freshPostgresDatabase("demo_password_" + System.nanoTime());
		String[] args = { "--spring.datasource.url=" + database.get(0), "--spring.datasource.username=" + database.get(1),
				"--spring.datasource.password=" + database.get(2), "--server.port=0",
				"--servicecenter.admin.password=demo", "--servicecenter.release.secret=a-release-secret-of-the-test" };

		assertThatThrownBy(() -> new SpringApplicationBuilder(ServiceCenterApplication.class).profiles("postgres")
			.run(args)
			.close()).hasStackTraceContaining("Users with the demo password: [admin]");
	}

}
