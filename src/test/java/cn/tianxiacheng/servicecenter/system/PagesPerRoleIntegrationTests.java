package cn.tianxiacheng.servicecenter.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Every page of the app, opened by every demo user: it renders (200) or refuses (403), never a
 * server error, and never an English exception.
 */
@IntegrationTest
class PagesPerRoleIntegrationTests extends IntegrationTestSupport {

	@Test
	void shouldRenderOrRefuseEveryPageForEveryRole() {
		long unitId = jdbc.queryForObject(
				"select min(id) from unit where status = 'OCCUPIED' and building_id in " + TIANXIACHENG_BUILDINGS, Long.class);
		Map<String, Object> receipt = StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/payments",
				"{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"unitId\":" + unitId
						+ ",\"amount\":10.00,\"method\":\"CASH\"}").getBody();
		Map<String, Object> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"COMPLAINT\",\"unitNumber\":\"1-1-101\","
						+ "\"contactName\":\"钱女士\",\"contactPhone\":\"13800001111\",\"channel\":\"PHONE\","
						+ "\"category\":\"服务态度\",\"urgency\":\"NORMAL\",\"description\":\"测试\"}").getBody();
		Long archiveId = jdbc.queryForObject("select min(id) from owner_archive", Long.class);
		List<String> pages = List.of("/", "/units", "/units?q=1-1", "/units/" + unitId, "/cases/" + registered.get("caseNumber"),
				"/cashier", "/cashier?number=1-1-101", "/cashier/units/" + unitId, "/cashier/receipts/" + receipt.get("paymentId"),
				"/cashier/report", "/cashier/report?day=2026-11-27", "/move-ins/new", "/archives?unitId=" + unitId,
				"/public/statements", "/cases", "/cases?type=COMPLAINT&status=OPEN&building=1&overdue=true&page=0",
				"/cases?format=csv", "/cases/new", "/incidents", "/audit", "/audit?state=ACTIVE&overdue=true&escalated=true",
				"/audit?format=csv", "/audit/cases/" + registered.get("caseNumber"), "/dashboard", "/evaluations",
				"/evaluations?format=csv", "/evaluations/standards", "/evaluations/staff/receptionist",
				"/release-passes", "/release-passes?unit=1-1-101", "/release-passes/new", "/release-passes/report", "/gate",
				"/parking", "/parking?status=VACANT", "/parking/waitlist", "/parking/leases/new", "/assistance", "/rounds",
				"/equipment", "/repair-plans", "/repair-plans?year=2025", "/repair-plans/new", "/notices", "/surveys", "/fee-standards", "/statements",
				"/statements?period=2026-01", "/activities");
		List<String> withArchive = archiveId == null ? pages
				: java.util.stream.Stream.concat(pages.stream(), java.util.stream.Stream.of("/archives/" + archiveId)).toList();
		assertThat(new BigDecimal(receipt.get("amount").toString())).isEqualByComparingTo("10.00");

		for (String user : SecurityIntegrationTests.ALL_USERS) {
			WebSession session = WebSession.loggedIn(port, user);
			for (String page : withArchive) {
				HttpResponse<String> response = session.get(page);
				assertThat(response.statusCode()).as("%s opens %s", user, page).isIn(200, 302, 403, 404);
				assertThat(response.body()).as("%s opens %s", user, page).doesNotContain("Exception", "Whitelabel");
			}
		}
	}

}
