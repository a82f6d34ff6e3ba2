package cn.tianxiacheng.servicecenter;

import static cn.tianxiacheng.servicecenter.StaffApi.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.tianxiacheng.servicecenter.system.EstateTenants;

/**
 * Each estate is sealed from the others in the engine: a case registered in another estate carries
 * that estate's tenant, so its tasks and instance stay out of 天下城's Tasklist queues and
 * {@code /engine-rest}; a staff member of several estates sees each after switching to it, and cannot
 * switch into an estate they do not work in.
 */
@IntegrationTest
class EstateBoundaryIntegrationTests extends IntegrationTestSupport {

	@Autowired
	EstateTenants tenants;

	private OtherEstate other;

	@BeforeEach
	void anotherEstate() {
		other = OtherEstate.create(jdbc, tenants, identityService);
	}

	@Test
	void shouldKeepACaseOfAnotherEstateOutOfTianxiachengsQueues() {
		String caseNumber = register(other.receptionist(), other.units().get(0));
		ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
			.singleResult();
		assertThat(instance.getTenantId()).isEqualTo(other.estate().code());

		assertThat(tasksOf(other.manager(), instance.getId())).isNotEmpty();
		assertThat(tasksOf("manager", instance.getId())).isEmpty();
		assertThat(tasksOf("engineer", instance.getId())).isEmpty();
		assertThat(call(rest, "manager", HttpMethod.GET, "/engine-rest/process-instance/" + instance.getId(), null)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(call(rest, "manager", HttpMethod.GET, "/engine-rest/task/count?processInstanceId=" + instance.getId(), null)
			.getBody()).containsEntry("count", 0);
		assertThat(call(rest, "manager", HttpMethod.GET,
				"/engine-rest/history/process-instance/count?processInstanceId=" + instance.getId(), null).getBody())
			.containsEntry("count", 0);
	}

	@Test
	void shouldGiveACaseOfTianxiachengItsTenant() {
		String caseNumber = register("receptionist", "1-1-502");
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult()
			.getTenantId()).isEqualTo("TXC");
	}

	@Test
	void shouldShowAStaffMemberOfTwoEstatesEachAfterTheSwitchAndRefuseAnEstateNotTheirs() {
		String auditor = other.auditorAlsoInTianxiacheng(identityService);
		String inOther = register(other.receptionist(), other.units().get(1));
		String inTianxiacheng = register("receptionist", "1-1-503");
		WebSession manager = WebSession.loggedIn(port, auditor);
		// the first estate is 天下城, the oldest
		assertThat(manager.get("/").body()).contains("天下城物业服务中心").contains(other.estate().name());
		assertThat(countOfCase(manager, inTianxiacheng)).isEqualTo(1);
		assertThat(countOfCase(manager, inOther)).isZero();

		HttpResponse<String> refused = manager.submit("/", "/estate", "to=NOPE");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(countOfCase(manager, inTianxiacheng)).isEqualTo(1);

		HttpResponse<String> switched = manager.submit("/", "/estate", "to=" + other.estate().code());
		assertThat(switched.statusCode()).isEqualTo(302);
		assertThat(manager.get("/").body()).contains(other.estate().name() + "物业服务中心");
		assertThat(countOfCase(manager, inOther)).isEqualTo(1);
		assertThat(countOfCase(manager, inTianxiacheng)).isZero();
	}

	@Test
	void shouldLetAnApiCallerOfTwoEstatesNameTheEstateOfEachRequest() {
		String auditor = other.auditorAlsoInTianxiacheng(identityService);
		String inOther = register(other.receptionist(), other.units().get(1));
		String inTianxiacheng = register("receptionist", "1-2-502");

		assertThat(countOfCase(auditor, null, inTianxiacheng)).as("the first estate, 天下城").isEqualTo("{\"count\":1}");
		assertThat(countOfCase(auditor, null, inOther)).isEqualTo("{\"count\":0}");
		assertThat(countOfCase(auditor, other.estate().code(), inOther)).isEqualTo("{\"count\":1}");
		assertThat(countOfCase(auditor, other.estate().code(), inTianxiacheng)).isEqualTo("{\"count\":0}");
		assertThat(countOfCase(auditor, "TXC", inTianxiacheng)).isEqualTo("{\"count\":1}");

		ResponseEntity<String> notTheirs = rest.withBasicAuth(other.receptionist(), "demo").exchange(
				"/engine-rest/process-instance/count?businessKey=" + inTianxiacheng, HttpMethod.GET,
				new HttpEntity<>(estateHeader("TXC")), String.class);
		assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(notTheirs.getBody()).contains("您不在项目“TXC”工作").doesNotContain("count");
		ResponseEntity<String> api = rest.withBasicAuth(other.receptionist(), "demo").exchange("/api/cases/" + inTianxiacheng,
				HttpMethod.GET, new HttpEntity<>(estateHeader("TXC")), String.class);
		assertThat(api.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(api.getBody()).contains("无权访问", "您不在项目“TXC”工作").doesNotContain("1-2-502");
	}

	@Test
	void shouldRouteByTheEstatesOwnTableWhenItHasOneAndByTheCompanysOtherwise() throws Exception {
		String companyTable = new String(getClass().getResourceAsStream("/processes/CaseRouting.dmn").readAllBytes(),
				StandardCharsets.UTF_8);
		String ownTable = companyTable.replace(
				"<outputEntry id=\"OutputEntry_04_Department\"><text>\"engineering\"</text>",
				"<outputEntry id=\"OutputEntry_04_Department\"><text>\"cleaning\"</text>");
		assertThat(ownTable).isNotEqualTo(companyTable);
		repositoryService.createDeployment()
			.name("CaseRouting " + other.estate().code())
			.tenantId(other.estate().code())
			.addString("CaseRouting.dmn", ownTable)
			.deploy();

		String inOther = register(other.receptionist(), other.units().get(0));
		String inTianxiacheng = register("receptionist", "1-1-504");
		assertThat(departmentOf(inOther)).isEqualTo("cleaning");
		assertThat(departmentOf(inTianxiacheng)).isEqualTo("engineering");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldNameInCockpitOnlyTheStaffOfTheEstate() {
		Map<String, Object> ofOther = call(rest, other.manager(), HttpMethod.GET, "/api/webapp-words", null).getBody();
		Map<String, Object> ofTianxiacheng = call(rest, "manager", HttpMethod.GET, "/api/webapp-words", null).getBody();
		assertThat((Map<String, String>) ofOther.get("people")).containsKey(other.receptionist())
			.doesNotContainKey("receptionist")
			.as("who works in every estate").containsEntry("admin", "系统管理员");
		assertThat((Map<String, String>) ofTianxiacheng.get("people")).containsKey("receptionist")
			.doesNotContainKey(other.receptionist());
	}

	private String departmentOf(String caseNumber) {
		String instanceId = historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseNumber)
			.singleResult()
			.getId();
		return (String) historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(instanceId)
			.variableName("department")
			.singleResult()
			.getValue();
	}

	private String register(String receptionist, String unit) {
		ResponseEntity<Map<String, Object>> registered = call(rest, receptionist, HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"SERVICE_REQUEST\",\"unitNumber\":\"" + unit
						+ "\",\"contactName\":\"王先生\",\"contactPhone\":\"13900001111\",\"channel\":\"PHONE\","
						+ "\"category\":\"门窗维修\",\"urgency\":\"NORMAL\",\"description\":\"阳台门关不严\"}");
		assertThat(registered.getStatusCode().is2xxSuccessful()).as(String.valueOf(registered.getBody())).isTrue();
		return (String) registered.getBody().get("caseNumber");
	}

	private List<Object> tasksOf(String user, String processInstanceId) {
		return rest.withBasicAuth(user, "demo")
			.exchange("/engine-rest/task?processInstanceId=" + processInstanceId, HttpMethod.GET, null,
					new ParameterizedTypeReference<List<Object>>() {
					})
			.getBody();
	}

	private String countOfCase(String user, String estate, String caseNumber) {
		return rest.withBasicAuth(user, "demo").exchange("/engine-rest/process-instance/count?businessKey=" + caseNumber,
				HttpMethod.GET, new HttpEntity<>(estate == null ? new HttpHeaders() : estateHeader(estate)), String.class)
			.getBody();
	}

	private static HttpHeaders estateHeader(String code) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Estate", code);
		return headers;
	}

	private static int countOfCase(WebSession session, String caseNumber) {
		String body = session.get("/engine-rest/process-instance/count?businessKey=" + caseNumber).body();
		return Integer.parseInt(body.replaceAll("\\D", ""));
	}

}
