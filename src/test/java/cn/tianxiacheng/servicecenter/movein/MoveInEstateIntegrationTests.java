package cn.tianxiacheng.servicecenter.movein;

import static cn.tianxiacheng.servicecenter.StaffApi.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.TwinUnitsTestSupport;
import cn.tianxiacheng.servicecenter.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Each estate's move-ins are its own: staff of another estate asking for 天下城's by its number learn
 * nothing of it, and a home of 天下城 is unknown to their reception; the defects found at another
 * estate's handover become cases of that estate's unit, though 天下城 has a unit of the same number.
 */
@IntegrationTest
class MoveInEstateIntegrationTests extends TwinUnitsTestSupport {

	private static final String OWNER = "欧阳明";

	private static final String ID_NUMBER = "11010519900307451X";

	private static final String PHONE = "13611112222";

	@Autowired
	MoveIns moveIns;

	@Test
	void shouldAnswerAnotherEstatesStaffAsForAnUnknownMoveIn() {
		String caseNumber = (String) registered("receptionist", twins.vacant()).getBody().get("caseNumber");

		for (String user : List.of(other.receptionist(), other.manager())) {
			HttpResponse<String> page = WebSession.loggedIn(port, user).get("/move-ins/" + caseNumber);
			assertThat(page.statusCode()).as(user).isEqualTo(404);
			assertThat(page.body()).doesNotContain(OWNER, "欧*", ID_NUMBER, PHONE, "HT-2026-0902");
		}
		assertThat(WebSession.loggedIn(port, "receptionist").get("/move-ins/" + caseNumber).body()).contains(OWNER);
	}

	@Test
	void shouldRefuseAHomeOfTianxiachengToAnotherEstatesReception() {
		String ours = jdbc.queryForObject("""
				select max(u.number) from unit u join building b on b.id = u.building_id join estate e on e.id = b.estate_id
				 where e.code = 'TXC' and u.status = 'VACANT' and u.number like '1-%'
				   and not exists (select 1 from owner o where o.unit_id = u.id)""", String.class);
		int moveInsBefore = jdbc.queryForObject("select count(*) from move_in", Integer.class);

		ResponseEntity<Map<String, Object>> refused = call(rest, other.receptionist(), HttpMethod.POST, "/api/move-ins",
				moveIn(ours));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(refused.getBody().get("detail").toString()).contains("没有房号为“" + ours + "”的房屋");
		assertThat(jdbc.queryForObject("select count(*) from move_in", Integer.class)).isEqualTo(moveInsBefore);
	}

	/** The handover's delegate completes the move-in: what {@code CompleteMoveInDelegate} does as the system. */
	@Test
	void shouldRegisterTheDefectsOfAnotherEstatesMoveInAtThatEstatesUnit() {
		String caseNumber = (String) registered(other.receptionist(), twins.vacant()).getBody().get("caseNumber");

		moveIns.complete(moveIns.open(caseNumber), Map.of(), List.of("入户门锁损坏"));

		assertThat(jdbc.queryForList("""
				select case_number from service_case where unit_id = ? and category = '房屋质量'""", String.class,
				twins.vacantInOther())).singleElement().asString().startsWith(other.estate().code() + "-");
		assertThat(jdbc.queryForObject("select count(*) from service_case where unit_id = ?", Integer.class,
				twins.vacantInTianxiacheng())).isZero();
	}

	private ResponseEntity<Map<String, Object>> registered(String receptionist, String unitNumber) {
		ResponseEntity<Map<String, Object>> registered = call(rest, receptionist, HttpMethod.POST, "/api/move-ins",
				moveIn(unitNumber));
		assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.OK);
		return registered;
	}

	private static String moveIn(String unitNumber) {
		return "{\"requestId\":\"" + UUID.randomUUID() + "\",\"unitNumber\":\"" + unitNumber
				+ "\",\"contractNumber\":\"HT-2026-0902\",\"owners\":[{\"name\":\"" + OWNER + "\",\"idNumber\":\""
				+ ID_NUMBER + "\",\"phone\":\"" + PHONE + "\"}]}";
	}

}
