package cn.tianxiacheng.servicecenter.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The dashboard's figures equal what the engine's own API counts, each links to its cases, and
 * only the oversight roles read it.
 */
@IntegrationTest
class DashboardIntegrationTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	HistoryService historyService;

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	@Test
	void shouldCountWhatTheEngineCounts() {
		for (String unit : List.of("1-2-1101", "1-2-1102")) {
			Map<String, Object> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
					"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"COMPLAINT\",\"unitNumber\":\"" + unit
							+ "\",\"contactName\":\"龚先生\",\"channel\":\"PHONE\",\"category\":\"服务态度\","
							+ "\"urgency\":\"NORMAL\",\"description\":\"看板测试\"}").getBody();
			StaffApi.awaitJobs(managementService, (String) registered.get("processInstanceId"));
		}
		String overdueTask = taskService.createTaskQuery().processVariableValueEquals("unitNumber", "1-2-1101")
			.singleResult().getId();
		taskService.setDueDate(overdueTask, new Date(System.currentTimeMillis() - 3_600_000));
		StaffApi.work(rest, "receptionist", taskService.createTaskQuery().processVariableValueEquals("unitNumber", "1-2-1102")
			.singleResult().getId(), StaffApi.vars("decision", "RESOLVED", "opinion", "已解决"));

		Map<String, Long> expected = expected();
		Map<String, Object> dashboard = StaffApi.call(rest, "manager", HttpMethod.GET, "/api/dashboard", null).getBody();
		assertThat(expected()).as("nothing moved while the dashboard was read").isEqualTo(expected);

		assertThat(headline(dashboard, "办理中的案件")).isEqualByComparingTo(BigDecimal.valueOf(expected.get("open")));
		assertThat(headline(dashboard, "已逾期的任务")).isEqualByComparingTo(BigDecimal.valueOf(expected.get("overdue")))
			.isPositive();
		assertThat(count(dashboard, "byKind", "投诉处理")).isEqualTo(expected.get("complaints"));
		assertThat(count(dashboard, "byStaff", "王丽")).isEqualTo(expected.get("receptionist"));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> certificates = (List<Map<String, Object>>) dashboard.get("certificateRequests");
		YearMonth thisMonth = YearMonth.now(clock);
		assertThat(certificates).hasSize(12);
		assertThat(certificates.get(11)).containsEntry("month", thisMonth.toString())
			.containsEntry("requests", (int) historyService.createHistoricProcessInstanceQuery()
				.processDefinitionKey("AssistanceRequestProcess")
				.startedAfter(Date.from(thisMonth.atDay(1).atStartOfDay(clock.getZone()).toInstant()))
				.count());

		String page = WebSession.loggedIn(port, "director").get("/dashboard").body();
		assertThat(page).contains("运营看板", "截至", "办理中的案件", "/audit?state=ACTIVE&amp;overdue=true", "echarts.min.js");
		assertThat(WebSession.loggedIn(port, "director").get("/webjars/echarts/5.3.1/dist/echarts.min.js").statusCode())
			.isEqualTo(200);
		assertThat(StaffApi.call(rest, "engineer", HttpMethod.GET, "/api/dashboard", null).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	private Map<String, Long> expected() {
		List<ProcessInstance> open = runtimeService.createProcessInstanceQuery().rootProcessInstances().list().stream()
			.filter(p -> p.getBusinessKey() != null)
			.toList();
		return Map.of("open", (long) open.size(),
				"overdue", taskService.createTaskQuery().dueBefore(new Date()).count(),
				"complaints", open.stream().filter(p -> p.getProcessDefinitionId().startsWith("ComplaintProcess:")).count(),
				"receptionist", taskService.createTaskQuery().taskAssignee("receptionist").count());
	}

	private static BigDecimal headline(Map<String, Object> dashboard, String label) {
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> figures = (List<Map<String, Object>>) dashboard.get("headline");
		return figures.stream().filter(f -> f.get("label").equals(label)).findFirst()
			.map(f -> new BigDecimal(f.get("value").toString())).orElseThrow();
	}

	private static long count(Map<String, Object> dashboard, String list, String label) {
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> counts = (List<Map<String, Object>>) dashboard.get(list);
		return counts.stream().filter(c -> c.get("label").equals(label)).findFirst()
			.map(c -> ((Number) c.get("open")).longValue()).orElse(0L);
	}

}
