package cn.tianxiacheng.servicecenter.audit;

import static cn.tianxiacheng.servicecenter.StaffApi.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.OtherEstate;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.system.EstateTenants;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The auditor's history and the dashboard keep to the estate: a case registered in another estate
 * is not found, told or counted in 天下城's, and 天下城's not in the other's.
 */
@IntegrationTest
class AuditEstateScopeIntegrationTests extends IntegrationTestSupport {

	@Autowired
	EstateTenants tenants;

	private OtherEstate other;

	@BeforeEach
	void anotherEstate() {
		other = OtherEstate.create(jdbc, tenants, identityService);
	}

	@Test
	void shouldNotFindOrTellACaseOfAnotherEstate() {
		String tianxiachengCase = register("receptionist", "1-1-603");
		String theirCase = register(other.receptionist(), other.units().get(0));

		assertThat(call(rest, other.manager(), HttpMethod.GET, "/api/audit/cases/" + tianxiachengCase + "/story", null)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		HttpResponse<String> story = WebSession.loggedIn(port, other.manager()).get("/audit/cases/" + tianxiachengCase);
		assertThat(story.statusCode()).isEqualTo(404);
		assertThat(story.body()).doesNotContain("1-1-603");
		assertThat(found(other.manager(), tianxiachengCase)).isZero();
		assertThat(found(other.manager(), theirCase)).isOne();
		assertThat(found("manager", theirCase)).isZero();
		assertThat(found("manager", tianxiachengCase)).isOne();
		assertThat(WebSession.loggedIn(port, "manager").get("/audit?format=csv&kind=CASES").body())
			.contains(tianxiachengCase).doesNotContain(theirCase);
	}

	@Test
	void shouldNotCountACaseOfAnotherEstateOnTheDashboard() {
		long tianxiachengOpen = openCases("manager");
		long theirOpen = openCases(other.manager());

		String theirCase = register(other.receptionist(), other.units().get(1));
		StaffApi.awaitJobs(managementService,
				runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(theirCase).singleResult().getId());
		Task first = taskService.createTaskQuery().processInstanceBusinessKey(theirCase).singleResult();
		taskService.claim(first.getId(), other.manager());

		assertThat(openCases(other.manager())).isEqualTo(theirOpen + 1);
		assertThat(openCases("manager")).isEqualTo(tianxiachengOpen);
		WebSession manager = WebSession.loggedIn(port, "manager");
		assertThat(manager.get("/dashboard").body()).doesNotContain("测试" + StaffGroup.MANAGER.label());
		assertThat(manager.get("/dashboard/tasks?assignee=" + other.manager()).body()).doesNotContain(theirCase);
		assertThat(WebSession.loggedIn(port, other.manager()).get("/dashboard/tasks?assignee=" + other.manager()).body())
			.contains(theirCase);
	}

	@Test
	void shouldNotSumTheArrearsOfAnotherEstate() {
		jdbc.update("""
				insert into bill (unit_id, fee_item_id, period, subject, amount, due_date, description, issued_at, issued_by)
				values ((select id from unit where number = '1-1-601'), (select min(id) from fee_item where code = 'ACCESS_CARD'),
				        'ESTATE-SCOPE', '', 9999.00, ?, '补办门禁卡', current_timestamp, 'test')""",
				java.sql.Date.valueOf(java.time.LocalDate.now(clock).minusDays(40)));

		assertThat(figure(other.manager(), "欠费合计")).isZero();
		assertThat(figure("manager", "欠费合计")).isPositive();
	}

	@Test
	void shouldNotShowAFailedStepOfAnotherEstate() {
		String tianxiachengCase = register("receptionist", "1-1-604");
		String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(tianxiachengCase)
			.singleResult().getId();
		StaffApi.awaitJobs(managementService, instanceId);
		String waiting = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getExecutionId();
		Incident incident = runtimeService.createIncident("estateScope", waiting, null, "测试：短信网关无应答");
		try {
			assertThat(WebSession.loggedIn(port, other.manager()).get("/incidents").body()).doesNotContain(tianxiachengCase,
					"短信网关");
			assertThat(WebSession.loggedIn(port, "manager").get("/incidents").body()).contains(tianxiachengCase, "短信网关");
		}
		finally {
			runtimeService.resolveIncident(incident.getId());
		}
	}

	private long openCases(String manager) {
		return figure(manager, "办理中的案件");
	}

	@SuppressWarnings("unchecked")
	private long figure(String manager, String label) {
		List<Map<String, Object>> headline = (List<Map<String, Object>>) call(rest, manager, HttpMethod.GET,
				"/api/dashboard", null).getBody().get("headline");
		return ((Number) headline.stream().filter(figure -> label.equals(figure.get("label"))).findFirst()
			.orElseThrow().get("value")).longValue();
	}

	private long found(String auditor, String caseNumber) {
		return ((Number) call(rest, auditor, HttpMethod.GET, "/api/audit/cases?caseNumber=" + caseNumber, null).getBody()
			.get("total")).longValue();
	}

	private String register(String receptionist, String unit) {
		ResponseEntity<Map<String, Object>> registered = StaffApi.call(rest, receptionist, HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"COMPLAINT\",\"unitNumber\":\"" + unit
						+ "\",\"contactName\":\"王先生\",\"channel\":\"VISIT\",\"category\":\"环境卫生\",\"urgency\":\"NORMAL\","
						+ "\"description\":\"楼道垃圾未清\"}");
		assertThat(registered.getStatusCode().is2xxSuccessful()).as(String.valueOf(registered.getBody())).isTrue();
		return (String) registered.getBody().get("caseNumber");
	}

}
