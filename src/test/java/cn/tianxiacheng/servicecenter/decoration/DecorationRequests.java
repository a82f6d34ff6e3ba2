package cn.tianxiacheng.servicecenter.decoration;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.StaffApi;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test helpers: a decoration application as reception posts it, and a unit that can take one. */
public final class DecorationRequests {

	/** Two workers' valid ID numbers (GB 11643), which must never reach the engine's tables. */
	public static final String WORKER_ID = "110101198506122034";

	public static final String OTHER_WORKER_ID = "130102199201013018";

	public static final String APPLICANT_PHONE = "13911223344";

	public static final String CONTRACTOR_PHONE = "13755667788";

	private DecorationRequests() {
	}

	/**
	 * The highest occupied unit of an entrance ({@code 3-1-}) with an owner, no decoration and no
	 * prepaid money (new bills take none of it). Each test class takes its own entrance, away from
	 * the units other tests pick.
	 */
	public static Map<String, Object> freshUnit(JdbcTemplate jdbc, String entrance) {
		return jdbc.queryForMap("""
				select u.id, u.number, (select min(o.name) from owner o where o.unit_id = u.id) as owner_name from unit u
				 where u.id = (select max(x.id) from unit x where x.status = 'OCCUPIED' and x.type = 'RESIDENTIAL'
				    and x.number like ?
				    and exists (select 1 from owner o where o.unit_id = x.id)
				    and not exists (select 1 from decoration d where d.unit_id = x.id)
				    and coalesce((select sum(l.amount) from ledger_entry l where l.unit_id = x.id), 0) >= 0)""",
				entrance + "%");
	}

	/** The JSON of an application by the unit's owner, starting tomorrow for 60 days. */
	public static String application(String requestId, String unitNumber, String ownerName, List<String> scope) {
		LocalDate start = LocalDate.now().plusDays(1);
		return """
				{"requestId":"%s","unitNumber":"%s","applicantRole":"OWNER","applicantName":"%s","applicantPhone":"%s",
				 "contractor":{"company":"天下城美居装饰工程有限公司","licenceNumber":"D213012345","responsiblePerson":"赵建军",
				   "phone":"%s"},
				 "workers":[{"name":"王建国","idNumber":"%s","trade":"水电工"},{"name":"李木生","idNumber":"%s","trade":"木工"}],
				 "plannedStart":"%s","plannedEnd":"%s","works":"厨卫翻新、全屋木地板、墙面乳胶漆","scope":[%s]}"""
			.formatted(requestId, unitNumber, ownerName, APPLICANT_PHONE, CONTRACTOR_PHONE, WORKER_ID, OTHER_WORKER_ID, start,
					start.plusDays(60), String.join(",", scope.stream().map(s -> "\"" + s + "\"").toList()));
	}

	public static ResponseEntity<Map<String, Object>> apply(TestRestTemplate rest, String unitNumber, String ownerName,
			List<String> scope) {
		return StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/decorations",
				application(UUID.randomUUID().toString(), unitNumber, ownerName, scope));
	}

}
