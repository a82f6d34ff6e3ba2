package cn.tianxiacheng.servicecenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;


import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class ApplicationIntegrationTests extends IntegrationTestSupport {

	@Autowired
	Flyway flyway;

	@Autowired
	ProcessEngine engine;

	@Test
	void shouldRunOnTheRequestedDatabase() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName();
			assertThat(product).isEqualTo(TestDatabase.KIND.equals("postgres") ? "PostgreSQL" : "H2");
		}
	}

	@Test
	void shouldApplyEveryMigration() {
		MigrationInfoService migrations = flyway.info();
		assertThat(migrations.pending()).isEmpty();
		assertThat(migrations.applied()).isNotEmpty()
			.allSatisfy(migration -> assertThat(migration.getState()).isEqualTo(MigrationState.SUCCESS));
	}

	@Test
	void shouldLoadTheDemoEstate() {
		assertThat(jdbc.queryForObject("select count(*) from building", Integer.class)).isGreaterThanOrEqualTo(3);
		assertThat(jdbc.queryForObject("select count(*) from unit", Integer.class)).isGreaterThanOrEqualTo(600);
		assertThat(jdbc.queryForObject("select count(*) from owner", Integer.class)).isPositive();
		assertThat(jdbc.queryForObject("select count(*) from tenant", Integer.class)).isPositive();
		assertThat(jdbc.queryForObject("select count(*) from vehicle", Integer.class)).isPositive();
	}

	@Test
	void shouldRunTheEngineWithFullHistoryAndAuthorizations() {
		assertThat(engine.getProcessEngineConfiguration().getHistory()).isEqualTo("full");
		assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();
	}

	@Test
	void shouldReportHealthUpToAnonymousCallers() {
		ResponseEntity<String> health = rest.getForEntity("/actuator/health", String.class);
		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(health.getBody()).contains("\"status\":\"UP\"");
	}

	@Test
	void shouldServeTheChineseLoginPage() {
		ResponseEntity<String> login = rest.getForEntity("/login", String.class);
		assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(login.getBody()).contains("天下城物业服务中心", "员工登录", "name=\"_csrf\"");
	}

	@Test
	void shouldHideTheMigrationBannerInTheWebapps() {
		for (String app : new String[] { "tasklist", "cockpit", "admin", "welcome" }) {
			ResponseEntity<String> css = rest.withBasicAuth("admin", "demo")
				.getForEntity("/camunda/app/" + app + "/styles/user-styles.css", String.class);
			assertThat(css.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
			assertThat(css.getBody()).as(app).contains(".ce-eol-banner").contains("display: none");
		}
	}

}
