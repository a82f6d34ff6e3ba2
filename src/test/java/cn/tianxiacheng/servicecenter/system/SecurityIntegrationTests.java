package cn.tianxiacheng.servicecenter.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The permission matrix of every demo group on {@code /api} and {@code /engine-rest}, enforced
 * by the server: Spring Security for authentication, Camunda's authorizations for the engine.
 */
@IntegrationTest
class SecurityIntegrationTests extends IntegrationTestSupport {

	static final String PROCESS = "SecurityCheckProcess";

	static final List<String> ALL_USERS = List.of("receptionist", "receptionist2", "cashier", "manager", "director",
			"engineer", "guard", "cleaner", "auditor", "admin");

	@Autowired
	CamundaAuthorizations authorizations;

	@BeforeEach
	void deployAManagerApproval() {
		if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
			repositoryService.createDeployment()
				.addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
					.camundaHistoryTimeToLive(1)
					.startEvent()
					.userTask("Task_Approve")
					.name("经理审批")
					.camundaCandidateGroups(StaffGroup.MANAGER.id())
					.endEvent()
					.done())
				.deploy();
			authorizations.allowStart(PROCESS, StaffGroup.MANAGER);
		}
	}

	@Test
	void shouldAnswer401ToAnonymousCallers() {
		assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(rest.postForEntity("/engine-rest/process-definition/key/" + PROCESS + "/start", json("{}"),
				String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(rest.getForEntity("/api/units", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldAnswer401WithoutAStackTraceToWrongCredentials() {
		if (identityService.createUserQuery().userId("wrongpass").count() == 0) {
			User user = identityService.newUser("wrongpass");
			user.setPassword("the-password");
			identityService.saveUser(user);
		}
		ResponseEntity<String> response = rest.withBasicAuth("wrongpass", "not-the-password")
			.getForEntity("/api/units", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(String.valueOf(response.getBody())).doesNotContain("Exception", "at org.");
		assertThat(rest.withBasicAuth("nobody", "demo").getForEntity("/engine-rest/task", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "receptionist", "receptionist2", "cashier", "manager", "director", "engineer", "guard",
			"cleaner", "auditor", "admin" })
	void shouldLetEveryStaffMemberReadTasksAndUnits(String user) {
		assertThat(as(user).getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(as(user).getForEntity("/api/units", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldForbidTheAuditorEveryChange() {
		String processInstanceId = startApproval();
		Task task = taskOf(processInstanceId);

		assertThat(post("auditor", "/engine-rest/task/" + task.getId() + "/complete", "{}").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(post("auditor", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"auditor\"}")
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(post("auditor", "/engine-rest/process-definition/key/" + PROCESS + "/start", "{}").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(post("auditor", "/engine-rest/process-instance/" + processInstanceId + "/variables",
				"{\"modifications\":{\"x\":{\"value\":1}}}").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(post("auditor", "/api/units", "{}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(taskOf(processInstanceId)).as("the task is untouched").isNotNull();
		assertThat(taskOf(processInstanceId).getAssignee()).isNull();
	}

	@Test
	void shouldLetTheAuditorReadEveryCaseAndItsHistory() {
		String processInstanceId = startApproval();

		ResponseEntity<Map<String, Object>> history = as("auditor").exchange(
				"/engine-rest/history/process-instance/" + processInstanceId, HttpMethod.GET, null, MAP);
		assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(history.getBody()).containsEntry("processDefinitionKey", PROCESS);

		ResponseEntity<List<Map<String, Object>>> tasks = as("auditor").exchange(
				"/engine-rest/task?processInstanceId=" + processInstanceId, HttpMethod.GET, null, LIST);
		assertThat(tasks.getBody()).hasSize(1);
	}

	@Test
	void shouldLetOnlyTheCandidateGroupWorkOnATask() {
		String processInstanceId = startApproval();
		Task task = taskOf(processInstanceId);

		for (String outsider : List.of("receptionist", "cashier", "engineer", "guard", "cleaner", "director")) {
			assertThat(post(outsider, "/engine-rest/task/" + task.getId() + "/complete", "{}").getStatusCode())
				.as(outsider)
				.isEqualTo(HttpStatus.FORBIDDEN);
		}
		assertThat(post("receptionist", "/engine-rest/process-definition/key/" + PROCESS + "/start", "{}")
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(as("receptionist").exchange("/engine-rest/history/process-instance?processInstanceId="
				+ processInstanceId, HttpMethod.GET, null, LIST).getBody())
			.as("a case not dispatched to reception is not in its history")
			.isEmpty();

		assertThat(post("manager", "/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"manager\"}")
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(post("manager", "/engine-rest/task/" + task.getId() + "/complete", "{}").getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isZero();
	}

	@Test
	void shouldLetTheManagerStartFromAStartFormOnly() {
		ResponseEntity<Map<String, Object>> started = as("manager").exchange(
				"/engine-rest/process-definition/key/ComplaintProcess/submit-form", HttpMethod.POST,
				json(StaffApi.completion(Map.of("unitNumber", "1-1-101", "channel", "VISIT",
						"category", "服务态度", "urgency", "NORMAL", "description", "前台接待不耐烦"))),
				MAP);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(started.getBody()).containsKey("id");
		assertThat(post("manager", "/engine-rest/process-definition/key/" + PROCESS + "/start", "{}").getStatusCode())
			.as("a process without a start form is started by the application").isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldLetOnlyTheAdminManageUsers() {
		String body = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"x\",\"lastName\":\"y\"},"
				+ "\"credentials\":{\"password\":\"secret-1\"}}";
		for (String user : ALL_USERS) {
			if (!user.equals("admin")) {
				assertThat(post(user, "/engine-rest/user/create", body).getStatusCode()).as(user)
					.isEqualTo(HttpStatus.FORBIDDEN);
			}
		}
		assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
		assertThat(as("admin").getForEntity("/engine-rest/authorization/count", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldShowEachGroupOnlyItsOwnTasklistFilters() {
		assertThat(filterNames("receptionist")).contains("我的任务", "待领取 · 接待员", "已逾期")
			.doesNotContain("待领取 · 收费员", "待领取 · 服务中心经理", "全部待办");
		assertThat(filterNames("cashier")).contains("我的任务", "待领取 · 收费员", "已逾期")
			.doesNotContain("待领取 · 接待员", "全部待办");
		assertThat(filterNames("manager")).contains("我的任务", "待领取 · 服务中心经理", "已逾期", "全部待办")
			.doesNotContain("待领取 · 接待员");
		assertThat(filterNames("engineer")).contains("待领取 · 工程部").doesNotContain("待领取 · 环境部");
		assertThat(filterNames("auditor")).contains("我的任务", "全部待办").doesNotContain("待领取 · 接待员");
	}

	private List<String> filterNames(String user) {
		ResponseEntity<List<Map<String, Object>>> filters = as(user).exchange("/engine-rest/filter", HttpMethod.GET,
				null, LIST);
		assertThat(filters.getStatusCode()).isEqualTo(HttpStatus.OK);
		return filters.getBody().stream().map(filter -> (String) filter.get("name")).toList();
	}

	private String startApproval() {
		ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS);
		return instance.getId();
	}

	private Task taskOf(String processInstanceId) {
		return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
	}

	private TestRestTemplate as(String user) {
		return rest.withBasicAuth(user, StaffDirectory.DEMO_PASSWORD);
	}

	private ResponseEntity<String> post(String user, String path, String body) {
		return as(user).postForEntity(path, json(body), String.class);
	}

	private static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

}
