package cn.tianxiacheng.servicecenter.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The dashboard's figures equal what the engine's own API counts, each links to its cases, and
 * only the oversight roles read it.
 */
@IntegrationTest
class DashboardIntegrationTests extends IntegrationTestSupport {

	@Test
	void shouldCountWhatTheEngineCounts() {
		List<String> cases = new ArrayList<>();
		for (String unit : List.of("1-2-1101", "1-2-1102")) {
			Map<String, Object> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
					"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"COMPLAINT\",\"unitNumber\":\"" + unit
							+ "\",\"contactName\":\"龚先生\",\"channel\":\"PHONE\",\"category\":\"服务态度\","
							+ "\"urgency\":\"NORMAL\",\"description\":\"看板测试\"}").getBody();
			cases.add((String) registered.get("processInstanceId"));
			StaffApi.awaitJobs(managementService, cases.get(cases.size() - 1));
		}
		String overdueTask = taskService.createTaskQuery().processInstanceId(cases.get(0)).singleResult().getId();
		taskService.setDueDate(overdueTask, new Date(System.currentTimeMillis() - 3_600_000));
		StaffApi.work(rest, "receptionist", taskService.createTaskQuery().processInstanceId(cases.get(1)).singleResult()
			.getId(), StaffApi.vars("decision", "RESOLVED", "opinion", "已解决"));

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

	@Test
	void shouldListAsManyRowsBehindEachCountAsItSays() {
		Map<String, Object> complaint = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"COMPLAINT\",\"unitNumber\":\"1-2-1103\","
						+ "\"contactName\":\"龚先生\",\"channel\":\"PHONE\",\"category\":\"收费争议\","
						+ "\"urgency\":\"NORMAL\",\"description\":\"看板计数测试\"}").getBody();
		String complaintId = (String) complaint.get("processInstanceId");
		StaffApi.awaitJobs(managementService, complaintId);
		StaffApi.work(rest, "receptionist", taskService.createTaskQuery().processInstanceId(complaintId).singleResult().getId(),
				StaffApi.vars("decision", "ESCALATE", "opinion", "请经理答复"));
		Map<String, Object> other = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"COMPLAINT\",\"unitNumber\":\"1-2-1104\","
						+ "\"contactName\":\"龚先生\",\"channel\":\"PHONE\",\"category\":\"服务态度\","
						+ "\"urgency\":\"NORMAL\",\"description\":\"看板计数测试\"}").getBody();
		StaffApi.awaitJobs(managementService, (String) other.get("processInstanceId"));
		String dueToday = taskService.createTaskQuery().processInstanceId((String) other.get("processInstanceId"))
			.singleResult().getId();
		Instant now = clock.instant();
		Instant endOfToday = LocalDate.now(clock).plusDays(1).atStartOfDay(clock.getZone()).toInstant();
		taskService.setDueDate(dueToday, Date.from(now.plus(Duration.between(now, endOfToday).dividedBy(2))));

		Map<String, Object> dashboard = StaffApi.call(rest, "manager", HttpMethod.GET, "/api/dashboard", null).getBody();
		WebSession manager = WebSession.loggedIn(port, "manager");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> headline = (List<Map<String, Object>>) dashboard.get("headline");
		int followed = 0;
		for (Map<String, Object> figure : headline) {
			if (List.of("件", "个").contains(figure.get("unit"))) {
				assertThat(rowsBehind(manager, (String) figure.get("link"))).as("%s → %s", figure.get("label"),
						figure.get("link")).isEqualTo(new BigDecimal(figure.get("value").toString()).longValueExact());
				followed++;
			}
		}
		assertThat(followed).as("open cases, three task counts, cases opened and closed").isEqualTo(6);
		for (String list : List.of("byKind", "byStaff", "byGroup")) {
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> counts = (List<Map<String, Object>>) dashboard.get(list);
			for (Map<String, Object> count : counts) {
				assertThat(rowsBehind(manager, (String) count.get("link"))).as("%s %s → %s", list, count.get("label"),
						count.get("link")).isEqualTo(((Number) count.get("open")).longValue());
			}
		}

		long cases = historyService.createHistoricProcessInstanceQuery().processDefinitionKeyIn("ComplaintProcess",
				"ServiceRequestProcess").startedAfter(Date.from(LocalDate.now(clock).minusDays(29)
				.atStartOfDay(clock.getZone()).toInstant())).list().stream()
			.filter(instance -> ofTianxiacheng(instance.getTenantId()))
			.count();
		assertThat(headline(dashboard, "近 30 天新开案件")).as("complaints and service requests only")
			.isEqualByComparingTo(BigDecimal.valueOf(cases));
		long escalations = taskService.createTaskQuery().processDefinitionKey("ComplaintProcess")
			.taskDefinitionKey("Task_ManagerHandles").count();
		assertThat(headline(dashboard, "等经理处理的升级")).as("the escalated complaint, no evaluation sheet")
			.isGreaterThanOrEqualTo(BigDecimal.valueOf(escalations)).isPositive();
		assertThat(headline(dashboard, "今日到期的任务")).isPositive();
		assertThat(manager.get("/dashboard/tasks?which=TODAY").body()).contains("今日到期的任务", "首次响应")
			.doesNotContain("已逾期）");
		assertThat(headline(dashboard, "近 30 天新开案件")).isEqualByComparingTo(
				headline(StaffApi.call(rest, "manager", HttpMethod.GET, "/api/dashboard", null).getBody(), "近 30 天新开案件"));
	}

	/** Follows a dashboard link and counts the rows it lists: the audit list page by page, or a task list. */
	private long rowsBehind(WebSession session, String link) {
		if (link.startsWith("/dashboard/tasks")) {
			return session.get(link).body().split("<tr class=\"task", -1).length - 1;
		}
		assertThat(link).startsWith("/audit?");
		long rows = 0;
		for (int page = 0;; page++) {
			Map<String, Object> result = StaffApi.call(rest, "manager", HttpMethod.GET,
					"/api/audit/cases?" + link.substring("/audit?".length()) + "&size=200&page=" + page, null).getBody();
			int onPage = ((List<?>) result.get("rows")).size();
			if (onPage == 0) {
				return rows;
			}
			rows += onPage;
		}
	}

	/** What 天下城's dashboard counts: its engine tenant's and those of no estate; other estates' are other tests'. */
	private Map<String, Long> expected() {
		List<ProcessInstance> open = runtimeService.createProcessInstanceQuery().rootProcessInstances().list().stream()
			.filter(p -> p.getBusinessKey() != null && ofTianxiacheng(p.getTenantId()))
			.toList();
		return Map.of("open", (long) open.size(),
				"overdue", taskService.createTaskQuery().dueBefore(new Date()).list().stream()
					.filter(task -> ofTianxiacheng(task.getTenantId())).count(),
				"complaints", open.stream().filter(p -> p.getProcessDefinitionId().startsWith("ComplaintProcess:")).count(),
				"receptionist", taskService.createTaskQuery().taskAssignee("receptionist").count());
	}

	private static boolean ofTianxiacheng(String tenantId) {
		return tenantId == null || tenantId.equals("TXC");
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
