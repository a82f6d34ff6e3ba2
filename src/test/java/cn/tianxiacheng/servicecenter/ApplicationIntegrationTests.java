package cn.tianxiacheng.servicecenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;


import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Tenant;
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
		assertThat(jdbc.queryForObject("select count(*) from building where estate_id = " + TIANXIACHENG, Integer.class))
			.isGreaterThanOrEqualTo(3);
		assertThat(jdbc.queryForObject("select count(*) from unit where building_id in " + TIANXIACHENG_BUILDINGS,
				Integer.class)).isGreaterThanOrEqualTo(600);
		for (String table : new String[] { "owner", "tenant", "vehicle" }) {
			assertThat(jdbc.queryForObject("select count(*) from %s h join unit u on u.id = h.unit_id where u.building_id in %s"
				.formatted(table, TIANXIACHENG_BUILDINGS), Integer.class)).as(table).isPositive();
		}
	}

	@Test
	void shouldLoadTwoSmallerEstatesWithTheirOwnStaffAndFeeItems() {
		record Small(String code, int units, String receptionist) {
		}
		for (Small estate : List.of(new Small("CHY", 24, "cuihureception"), new Small("JJH", 32, "jinjiangreception"))) {
			String units = """
					select count(*) from unit_address u where u.estate_id = (select id from estate where code = ?)""";
			assertThat(jdbc.queryForObject(units, Integer.class, estate.code()))
				.as("%s's units", estate.code()).isEqualTo(estate.units());
			assertThat(jdbc.queryForObject(units + " and exists (select 1 from owner o where o.unit_id = u.unit_id)",
					Integer.class, estate.code())).as("each with an owner").isEqualTo(estate.units());
			assertThat(jdbc.queryForObject("""
					select count(*) from fee_item where code = 'MANAGEMENT' and estate_id = (select id from estate where code = ?)""",
					Integer.class, estate.code())).as("billed like 天下城").isEqualTo(1);
			assertThat(identityService.createTenantQuery().userMember(estate.receptionist()).list())
				.extracting(Tenant::getId).as("its receptionist works there only").containsExactly(estate.code());
		}
		assertThat(identityService.createTenantQuery().userMember("regional").list()).extracting(Tenant::getId)
			.as("the 区域经理 switches between the three").containsExactlyInAnyOrder("TXC", "CHY", "JJH");
		assertThat(identityService.createTenantQuery().userMember("receptionist").list()).extracting(Tenant::getId)
			.as("the existing demo users stay 天下城's").containsExactly("TXC");
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
