package cn.tianxiacheng.servicecenter.estate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** The unit page gathers what other modules know of the unit: its cases, its bills, its open processes. */
@IntegrationTest
class UnitPageIntegrationTests extends IntegrationTestSupport {

	@Test
	void shouldListTheUnitsCasesBillsAndOpenProcesses() {
		long unitId = jdbc.queryForObject("select id from unit where number = '1-2-201'", Long.class);
		jdbc.update("""
				insert into bill (unit_id, fee_item_id, period, subject, amount, due_date, description, issued_at, issued_by)
				values (?, (select min(id) from fee_item where code = 'ACCESS_CARD'), 'UNIT-PAGE', '', 30.00, current_date,
				        '补办门禁卡', current_timestamp, 'test')""", unitId);
		Map<String, Object> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"COMPLAINT\",\"unitNumber\":\"1-2-201\","
						+ "\"contactName\":\"陈先生\",\"channel\":\"VISIT\",\"category\":\"环境卫生\",\"urgency\":\"NORMAL\","
						+ "\"description\":\"楼道垃圾未清\"}").getBody();

		StaffApi.awaitJobs(managementService, (String) registered.get("processInstanceId"));

		String page = WebSession.loggedIn(port, "engineer").get("/units/" + unitId).body();

		assertThat(page).contains("案件（共", (String) registered.get("caseNumber"), "环境卫生", "/cases/" + registered.get("caseNumber"));
		assertThat(page).contains("账单（欠费", "补办门禁卡", "30.00", "未缴");
		assertThat(page).contains("办理中的流程", "投诉处理", "首次响应");
	}

}
