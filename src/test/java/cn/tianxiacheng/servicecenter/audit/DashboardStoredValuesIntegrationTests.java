package cn.tianxiacheng.servicecenter.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.FormConstraints;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.casework.ReturnVisitProcess;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Values stored before the form was enforced (a satisfaction of 1,000,000 and of −7, as an old
 * row holds them) break no page: the dashboard answers every group that reads it, leaves them out
 * of the average and says how many it left out.
 */
@IntegrationTest
class DashboardStoredValuesIntegrationTests extends IntegrationTestSupport {

	@Test
	void shouldIgnoreAndCountASatisfactionOutsideTheFormsRange() {
		assertThat(FormConstraints.of("return-visit").limits("satisfaction"))
			.containsExactly(Dashboard.SATISFACTION_MIN, Dashboard.SATISFACTION_MAX);
		List<String> planted = new ArrayList<>();
		try {
			for (int satisfaction : new int[] { 1_000_000, -7 }) {
				planted.add(runtimeService
					.startProcessInstanceByKey(ReturnVisitProcess.KEY,
							StaffApi.vars(ReturnVisitProcess.SATISFACTION, satisfaction, ReturnVisitProcess.ATTEMPTS, 0))
					.getId());
			}
			for (String user : new String[] { "manager", "director", "auditor" }) {
				ResponseEntity<Map<String, Object>> dashboard = StaffApi.call(rest, user, HttpMethod.GET, "/api/dashboard",
						null);
				assertThat(dashboard.getStatusCode().value()).as("%s: %s", user, dashboard.getBody()).isEqualTo(200);
				assertThat(satisfactionLabel(dashboard.getBody())).matches("回访满意度，\\d+ 份（另有 \\d+ 份超出 1–5 分，未计入）");
				assertThat(ignored(satisfactionLabel(dashboard.getBody()))).isGreaterThanOrEqualTo(2);
			}
			var page = WebSession.loggedIn(port, "manager").get("/dashboard");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("超出 1–5 分，未计入");
		}
		finally {
			for (String instance : planted) {
				runtimeService.deleteProcessInstance(instance, "planted", true, true);
				historyService.deleteHistoricProcessInstance(instance);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static String satisfactionLabel(Map<String, Object> dashboard) {
		return ((List<Map<String, Object>>) dashboard.get("headline")).stream()
			.map(figure -> (String) figure.get("label"))
			.filter(label -> label.startsWith("回访满意度"))
			.findFirst()
			.orElseThrow();
	}

	private static int ignored(String label) {
		return Integer.parseInt(label.replaceAll(".*另有 (\\d+) 份.*", "$1"));
	}

}
