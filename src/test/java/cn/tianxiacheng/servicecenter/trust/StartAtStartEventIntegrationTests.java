package cn.tianxiacheng.servicecenter.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.EstateStaff;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * A process starts only at its start event: no staff member starts one before or after an
 * activity, skips its listeners or moves a running one, through {@code /engine-rest} or the
 * webapps' API; staff start from a start form only what they really start in Tasklist, with
 * its fields only. Nothing is created by a refused start.
 */
@IntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class StartAtStartEventIntegrationTests extends IntegrationTestSupport {

	@Test
	void shouldRefuseStartingAnyProcessBeforeOrAfterAnActivity() {
		WebSession manager = WebSession.loggedIn(port, "manager");
		WebSession receptionist = WebSession.loggedIn(port, "receptionist");
		for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
			String key = definition.getKey();
			String activity = repositoryService.getBpmnModelInstance(definition.getId())
				.getModelElementsByType(Activity.class)
				.iterator()
				.next()
				.getId();
			long before = instances(key);
			for (String type : new String[] { "startBeforeActivity", "startAfterActivity" }) {
				String body = "{\"variables\":{\"approved\":{\"value\":true}},\"skipCustomListeners\":true,"
						+ "\"startInstructions\":[{\"type\":\"" + type + "\",\"activityId\":\"" + activity + "\"}]}";
				for (String user : new String[] { "receptionist", "manager", "auditor" }) {
					assertThat(StaffApi.call(rest, user, HttpMethod.POST,
							"/engine-rest/process-definition/key/" + key + "/start", body).getStatusCode())
						.as("%s %s %s at %s through /engine-rest", user, type, key, activity)
						.isEqualTo(HttpStatus.FORBIDDEN);
				}
				for (WebSession session : new WebSession[] { manager, receptionist }) {
					HttpResponse<String> response = session.webapp("POST",
							WebSession.WEBAPP_ENGINE + "/process-definition/key/" + key + "/start", body);
					assertThat(response.statusCode()).as("%s %s through the webapps' API", type, key).isEqualTo(403);
				}
			}
			assertThat(instances(key)).as("nothing of %s was started", key).isEqualTo(before);
		}
	}

	@Test
	void shouldRefuseMovingARunningCase() {
		String caseInstance = register();
		String body = "{\"skipCustomListeners\":true,\"instructions\":[{\"type\":\"startBeforeActivity\","
				+ "\"activityId\":\"Task_CloseCase\"}]}";
		assertThat(StaffApi.call(rest, "manager", HttpMethod.POST,
				"/engine-rest/process-instance/" + caseInstance + "/modification", body).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(WebSession.loggedIn(port, "manager")
			.webapp("POST", WebSession.WEBAPP_ENGINE + "/process-instance/" + caseInstance + "/modification", body)
			.statusCode()).isEqualTo(403);
		assertThat(historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(caseInstance)
			.activityId("Task_CloseCase")
			.count()).isZero();
	}

	/** In each estate: a start from Tasklist belongs to the estate the staff member works in, and numbers its case there. */
	@ParameterizedTest
	@MethodSource("bothEstates")
	void shouldStartACaseFromItsStartFormWithItsFieldsOnly(EstateStaff estate) {
		Map<String, Object> form = StaffApi.vars("unitNumber", estate.unitNumber(), "channel", "PHONE",
				"category", "服务态度", "urgency", "NORMAL", "description", "前台接待不耐烦");
		long before = instances("ComplaintProcess");

		Map<String, Object> withCaseId = new HashMap<>(form);
		withCaseId.put("caseId", 1L);
		var refused = StaffApi.call(rest, estate.receptionist(), HttpMethod.POST,
				"/engine-rest/process-definition/key/ComplaintProcess/submit-form", StaffApi.completion(withCaseId));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("message").toString()).contains("caseId");
		assertThat(WebSession.loggedIn(port, estate.receptionist())
			.webapp("POST", WebSession.WEBAPP_ENGINE + "/process-definition/key/ComplaintProcess/submit-form",
					StaffApi.completion(withCaseId))
			.statusCode()).isEqualTo(400);
		String withBusinessKey = StaffApi.completion(form).replaceFirst("\\{", "{\"businessKey\":\"TS-20260101-0001\",");
		assertThat(StaffApi.call(rest, estate.receptionist(), HttpMethod.POST,
				"/engine-rest/process-definition/key/ComplaintProcess/submit-form", withBusinessKey).getStatusCode())
			.as("case numbers are given by the application").isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(StaffApi.call(rest, estate.guard(), HttpMethod.POST,
				"/engine-rest/process-definition/key/ComplaintProcess/submit-form", StaffApi.completion(form))
			.getStatusCode()).as("security does not register cases").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(instances("ComplaintProcess")).isEqualTo(before);

		var started = StaffApi.call(rest, estate.receptionist(), HttpMethod.POST,
				"/engine-rest/process-definition/key/ComplaintProcess/submit-form", StaffApi.completion(form));
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(started.getBody().get("businessKey").toString()).matches(estate.code() + "-TS-\\d{8}-\\d{4}");
		assertThat(started.getBody().get("tenantId")).isEqualTo(estate.code());
		HttpResponse<String> fromTasklist = WebSession.loggedIn(port, estate.receptionist())
			.webapp("POST", WebSession.WEBAPP_ENGINE + "/process-definition/key/ServiceRequestProcess/submit-form",
					StaffApi.completion(StaffApi.vars("unitNumber", estate.unitNumber(), "channel", "VISIT",
							"category", "水电维修", "urgency", "URGENT", "description", "卫生间漏水")));
		assertThat(fromTasklist.statusCode()).isEqualTo(200);
		assertThat(fromTasklist.body()).contains("\"tenantId\":\"" + estate.code() + "\"");
	}

	private String register() {
		var registered = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"COMPLAINT\",\"unitNumber\":\"1-1-103\","
						+ "\"contactName\":\"钱女士\",\"channel\":\"PHONE\",\"category\":\"服务态度\",\"urgency\":\"NORMAL\","
						+ "\"description\":\"测试\"}");
		return (String) registered.getBody().get("processInstanceId");
	}

	private long instances(String key) {
		return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(key).count();
	}

}
