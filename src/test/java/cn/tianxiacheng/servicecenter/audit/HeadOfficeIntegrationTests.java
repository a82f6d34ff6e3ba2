package cn.tianxiacheng.servicecenter.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.OtherEstate;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.system.EstateTenants;

/**
 * The head office compares its estates side by side: a 区域经理 sees the estates of their region, each
 * line's counts as the engine's rows of that estate give them and the company's line their sum; a line
 * leads into the estate's own 运营看板; staff of one estate may not look.
 */
@IntegrationTest
class HeadOfficeIntegrationTests extends IntegrationTestSupport {

	private static final Pattern ROW = Pattern.compile("<tr>\\s*<td>([^<]+)</td>\\s*<td class=\"num\">(\\d+)</td>\\s*"
			+ "<td class=\"num\">(\\d+)</td>");

	private static final Pattern TOTAL = Pattern.compile("<th>合计</th>\\s*<td class=\"num\">(\\d+)</td>\\s*"
			+ "<td class=\"num\">(\\d+)</td>");

	@Autowired
	EstateTenants tenants;

	@Test
	void shouldShowTheRegionsEstatesWithTheirOwnCountsAndTheirSum() {
		OtherEstate other = OtherEstate.create(jdbc, tenants, identityService);
		register(other.receptionist(), other.units().get(0));
		register(other.receptionist(), other.units().get(1));
		register("receptionist", "1-1-601");
		String regional = other.regionalManager(identityService, "TXC");

		WebSession session = WebSession.loggedIn(port, regional);
		String page = session.get("/head-office").body();
		Map<String, long[]> lines = new LinkedHashMap<>();
		Matcher row = ROW.matcher(page);
		while (row.find()) {
			lines.put(row.group(1), new long[] { Long.parseLong(row.group(2)), Long.parseLong(row.group(3)) });
		}
		assertThat(lines.keySet()).containsExactly("天下城", other.estate().name());
		long openSum = 0;
		long overdueSum = 0;
		for (String code : List.of("TXC", other.estate().code())) {
			long[] line = lines.get(code.equals("TXC") ? "天下城" : other.estate().name());
			assertThat(line[0]).as("open cases of %s", code).isEqualTo(openCases(code));
			assertThat(line[1]).as("cases of %s with a task past due", code).isEqualTo(overdueCases(code));
			openSum += line[0];
			overdueSum += line[1];
		}
		assertThat(lines.get(other.estate().name())[0]).isGreaterThanOrEqualTo(2);
		Matcher total = TOTAL.matcher(page);
		assertThat(total.find()).isTrue();
		assertThat(Long.parseLong(total.group(1))).isEqualTo(openSum);
		assertThat(Long.parseLong(total.group(2))).isEqualTo(overdueSum);

		session.submit("/head-office", "/estate", "to=" + other.estate().code() + "&then=/dashboard");
		assertThat(session.get("/dashboard").body()).contains(other.estate().name() + "物业服务中心");
	}

	@Test
	void shouldRefuseStaffOfOneEstate() {
		assertThat(StaffApi.call(rest, "manager", HttpMethod.GET, "/head-office", null).getStatusCode().value())
			.isEqualTo(403);
		assertThat(StaffApi.call(rest, "director", HttpMethod.GET, "/head-office", null).getStatusCode().value())
			.isEqualTo(403);
	}

	private long openCases(String tenant) {
		return jdbc.queryForObject("""
				select count(*) from ACT_RU_EXECUTION e
				 where e.ID_ = e.PROC_INST_ID_ and e.BUSINESS_KEY_ is not null and e.SUPER_EXEC_ is null
				   and (e.TENANT_ID_ = ? or e.TENANT_ID_ is null)""", Long.class, tenant);
	}

	private long overdueCases(String tenant) {
		return jdbc.queryForObject("""
				select count(*) from ACT_RU_EXECUTION e
				 where e.ID_ = e.PROC_INST_ID_ and e.BUSINESS_KEY_ is not null and e.SUPER_EXEC_ is null
				   and (e.TENANT_ID_ = ? or e.TENANT_ID_ is null)
				   and exists (select 1 from ACT_RU_TASK t where t.PROC_INST_ID_ = e.ID_ and t.DUE_DATE_ < current_timestamp)""",
				Long.class, tenant);
	}

	private void register(String receptionist, String unit) {
		ResponseEntity<Map<String, Object>> registered = StaffApi.call(rest, receptionist, HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"SERVICE_REQUEST\",\"unitNumber\":\"" + unit
						+ "\",\"contactName\":\"王先生\",\"contactPhone\":\"13900001111\",\"channel\":\"PHONE\","
						+ "\"category\":\"门窗维修\",\"urgency\":\"NORMAL\",\"description\":\"阳台门关不严\"}");
		assertThat(registered.getStatusCode().is2xxSuccessful()).as(String.valueOf(registered.getBody())).isTrue();
	}

}
