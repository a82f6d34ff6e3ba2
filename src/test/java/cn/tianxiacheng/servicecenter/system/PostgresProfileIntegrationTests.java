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

}
