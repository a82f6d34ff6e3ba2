package cn.tianxiacheng.servicecenter.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.WebSession;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

/**
 * What a browser meets at the edges: a webapps call without the CSRF header is refused without
 * ending the session; a link from another site opens a unit with phones masked and writes no
 * read in the victim's name; the app's pages carry a Content-Security-Policy and a
 * Referrer-Policy; an incident caused by a failing SQL statement shows staff a Chinese summary,
 * not the SQL, and its stack trace is the administrator's.
 */
@IntegrationTest
class BrowserEdgesIntegrationTests extends IntegrationTestSupport {

	@Test
	void shouldRefuseAWebappsCallWithoutTheCsrfHeaderAndKeepTheSession() {
		WebSession reception = WebSession.loggedIn(port, "receptionist");
		assertThat(reception.webapp("GET", WebSession.WEBAPP_ENGINE + "/task/count", null).statusCode()).isEqualTo(200);

		HttpResponse<String> withoutToken = reception.withCookieOnly("POST", WebSession.WEBAPP_ENGINE + "/task/count",
				"{}");

		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(withoutToken.body()).containsPattern("\\p{IsHan}");
		assertThat(reception.get("/").statusCode()).as("still logged in to the app").isEqualTo(200);
		assertThat(reception.webapp("POST", WebSession.WEBAPP_ENGINE + "/task/count", "{}").statusCode())
			.as("and to the webapps").isEqualTo(200);
	}

	@Test
	void shouldShowAUnitMaskedAndLogNoReadWhenOpenedFromAnotherSite() throws Exception {
		Map<String, Object> unit = jdbc.queryForMap("""
				select u.id, o.phone from unit u join owner o on o.unit_id = u.id where o.phone is not null
				   and u.building_id in (select b.id from building b join estate e on e.id = b.estate_id where e.code = 'TXC')
				 order by u.id desc offset 3 rows fetch first 1 rows only""");
		String path = "/units/" + unit.get("id");
		WebSession reception = WebSession.loggedIn(port, "receptionist");
		int reads = reads();

		HttpResponse<String> crossSite = reception.withHeaders(path, "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode",
				"navigate");

		assertThat(crossSite.statusCode()).isEqualTo(200);
		assertThat(crossSite.body()).doesNotContain((String) unit.get("phone"));
		assertThat(reads()).as("no read in the victim's name").isEqualTo(reads);
		HttpResponse<String> sameSite = reception.withHeaders(path, "Sec-Fetch-Site", "same-origin");
		assertThat(sameSite.body()).contains((String) unit.get("phone"));
		assertThat(reads()).as("the same page from within the app is a read").isGreaterThan(reads);
	}

	@Test
	void shouldSendAContentSecurityPolicyAndAReferrerPolicyWithTheAppsPages() {
		WebSession reception = WebSession.loggedIn(port, "receptionist");
		for (String page : List.of("/", "/login", "/notices")) {
			HttpResponse<String> response = reception.get(page);
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(page)
				.hasValueSatisfying(policy -> assertThat(policy).contains("default-src 'self'", "object-src 'none'",
						"frame-ancestors 'self'", "form-action 'self'"));
			assertThat(response.headers().firstValue("Referrer-Policy")).as(page).hasValue("same-origin");
		}
	}

	@Test
	void shouldShowStaffAChineseSummaryOfAnIncidentNotItsSql() throws Exception {
		BpmnModelInstance model = Bpmn.createExecutableProcess("SqlFailureProbeProcess")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.serviceTask("Task_FailingStatement")
			.camundaAsyncBefore()
			.camundaExpression("${jdbcTemplate.execute('insert into no_such_table values (1)')}")
			.endEvent()
			.done();
		Deployment deployment = repositoryService.createDeployment()
			.addModelInstance("SqlFailureProbeProcess.bpmn", model)
			.deploy();
		try {
			String instance = runtimeService.startProcessInstanceByKey("SqlFailureProbeProcess").getId();
			long deadline = System.currentTimeMillis() + 30_000;
			while (runtimeService.createIncidentQuery().processInstanceId(instance).count() == 0
					&& System.currentTimeMillis() < deadline) {
				Thread.sleep(200);
			}
			List<Map<String, Object>> incidents = get("manager", "/engine-rest/incident?processInstanceId=" + instance);
			assertThat(incidents).hasSize(1);
			assertThat(incidents.get(0).get("incidentMessage").toString()).containsPattern("\\p{IsHan}")
				.doesNotContainIgnoringCase("no_such_table")
				.doesNotContainIgnoringCase("insert");
			List<Map<String, Object>> jobs = get("manager", "/engine-rest/job?processInstanceId=" + instance);
			assertThat(jobs.get(0).get("exceptionMessage").toString()).doesNotContainIgnoringCase("no_such_table");
			List<Map<String, Object>> log = get("manager", "/engine-rest/history/job-log?processInstanceId=" + instance
					+ "&failureLog=true");
			assertThat(log).isNotEmpty()
				.allSatisfy(entry -> assertThat(String.valueOf(entry.get("jobExceptionMessage")))
					.doesNotContainIgnoringCase("no_such_table"));
			var stacktrace = rest.withBasicAuth("manager", "demo")
				.getForEntity("/engine-rest/job/" + jobs.get(0).get("id") + "/stacktrace", String.class);
			assertThat(stacktrace.getStatusCode().value()).isEqualTo(403);
			assertThat(stacktrace.getBody()).doesNotContainIgnoringCase("no_such_table");
			var forAdmin = rest.withBasicAuth("admin", "demo")
				.getForEntity("/engine-rest/job/" + jobs.get(0).get("id") + "/stacktrace", String.class);
			assertThat(forAdmin.getBody()).as("the administrator reads the cause").containsIgnoringCase("no_such_table");
		}
		finally {
			repositoryService.deleteDeployment(deployment.getId(), true);
		}
	}

	private List<Map<String, Object>> get(String user, String path) {
		return rest.withBasicAuth(user, "demo")
			.exchange(path, HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.getBody();
	}

	private int reads() {
		return jdbc.queryForObject("select count(*) from personal_data_read", Integer.class);
	}

}
