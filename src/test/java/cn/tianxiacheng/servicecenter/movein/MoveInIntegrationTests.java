package cn.tianxiacheng.servicecenter.movein;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.EngineTables;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A whole move-in on the running application, paid at the counter, and a search of the engine's
 * tables for the owners' and household's names, ID number and phones afterwards.
 */
@IntegrationTest
class MoveInIntegrationTests extends IntegrationTestSupport {

	static final String ID_NUMBER = "11010519900307451X";

	static final String PHONE = "13611112222";

	static final String MEMBER_PHONE = "13733334444";

	static final String OWNER = "欧阳明";

	static final String MEMBER = "欧阳小雨";

	@Test
	void shouldMoveAnOwnerInAndLeaveNoNameIdNumberOrPhoneInTheEngine() throws Exception {
		long unitId = jdbc.queryForObject("""
				select min(u.id) from unit u join building b on b.id = u.building_id join estate e on e.id = b.estate_id
				 where e.code = 'TXC' and u.status = 'VACANT' and u.type = 'RESIDENTIAL'
				   and not exists (select 1 from owner o where o.unit_id = u.id)""", Long.class);
		String unitNumber = jdbc.queryForObject("select number from unit where id = ?", String.class, unitId);

		ResponseEntity<Map<String, Object>> registered = register(unitNumber);
		assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.OK);
		String caseNumber = (String) registered.getBody().get("caseNumber");
		assertThat(caseNumber).matches("TXC-RH-\\d{8}-\\d{4}");
		assertThat(register(unitNumber).getStatusCode()).as("one open move-in a unit").isEqualTo(HttpStatus.CONFLICT);
		String occupied = jdbc.queryForObject("""
				select min(u.number) from unit u join building b on b.id = u.building_id join estate e on e.id = b.estate_id
				 where e.code = 'TXC' and u.status = 'OCCUPIED'""", String.class);
		assertThat(register(occupied).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(register("9-9-9999").getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

		String processInstanceId = (String) registered.getBody().get("processInstanceId");
		assertThat(WebSession.loggedIn(port, "receptionist").get("/move-ins/" + caseNumber).body())
			.as("the forms link to the move-in's page: names in clear for reception").contains(OWNER, MEMBER);
		assertThat(WebSession.loggedIn(port, "engineer").get("/move-ins/" + caseNumber).body())
			.as("masked for a group that does not call owners").contains("欧**", "欧***").doesNotContain(OWNER, ID_NUMBER, PHONE);
		StaffApi.work(rest, "receptionist", task(processInstanceId).getId(),
				Map.of("documentsResult", "COMPLETE", "opinion", "资料齐全"));
		StaffApi.work(rest, "receptionist", task(processInstanceId).getId(),
				Map.of("rulesSigned", true, "serviceAgreementSigned", true, "decorationNoticeSigned", true));
		Task cashiersTask = await(processInstanceId, MoveInProcess.Element.COLLECT_OPENING_FEES);
		assertThat(cashiersTask).isNotNull();

		Map<String, Object> account = call("cashier", HttpMethod.GET, "/api/units/" + unitId + "/account", null).getBody();
		BigDecimal outstanding = new BigDecimal(account.get("outstanding").toString());
		assertThat(outstanding).isPositive();
		assertThat(call("cashier", HttpMethod.POST, "/api/payments", "{\"idempotencyKey\":\"" + UUID.randomUUID()
				+ "\",\"unitId\":" + unitId + ",\"amount\":" + outstanding + ",\"method\":\"BANK_CARD\"}").getStatusCode())
			.isEqualTo(HttpStatus.OK);

		Task handover = await(processInstanceId, MoveInProcess.Element.INSPECT_AND_HAND_OVER);
		assertThat(handover).as("paid at the counter: the move-in moved on by itself").isNotNull();
		StaffApi.work(rest, "receptionist", handover.getId(), Map.of("defects", "主卧墙面裂缝\n卫生间地漏堵塞", "waterReading",
				12.5, "electricityReading", 30.25, "gasReading", 1.0, "keysHandedOver", 3L, "accessCardsHandedOver", 2L));
		StaffApi.awaitJobs(managementService, processInstanceId);

		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isZero();
		assertThat(jdbc.queryForObject("select status from unit where id = ?", String.class, unitId)).isEqualTo("OCCUPIED");
		assertThat(jdbc.queryForObject("select id_number from owner where unit_id = ?", String.class, unitId))
			.isEqualTo(ID_NUMBER);
		assertThat(jdbc.queryForObject("select count(*) from owner_archive where unit_id = ?", Integer.class, unitId))
			.isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from meter_reading where unit_id = ?", Integer.class, unitId))
			.isEqualTo(3);
		assertThat(jdbc.queryForObject("""
				select count(*) from service_case where unit_id = ? and type = 'SERVICE_REQUEST' and category = '房屋质量'""",
				Integer.class, unitId)).isEqualTo(2);
		assertThat(taskService.createTaskQuery().taskCandidateGroup("engineering")
			.processVariableValueEquals("unitNumber", unitNumber).count()).isEqualTo(2);

		assertThat(EngineTables.columnsContaining(dataSource, ID_NUMBER)).as("ID number in the engine's tables").isEmpty();
		assertThat(EngineTables.columnsContaining(dataSource, PHONE)).as("phone in the engine's tables").isEmpty();
		assertThat(EngineTables.columnsContaining(dataSource, MEMBER_PHONE)).isEmpty();
		assertThat(EngineTables.columnsContaining(dataSource, OWNER)).as("the owner's name in the engine's tables").isEmpty();
		assertThat(EngineTables.columnsContaining(dataSource, MEMBER)).as("a member's name in the engine's tables").isEmpty();
		assertThat(EngineTables.columnsContaining(dataSource, caseNumber)).as("the search finds what is there").isNotEmpty();
	}

	@Test
	void shouldRefuseARegistrationThatWouldBreakTheMoveInLaterAndCreateNothing() {
		String unitNumber = jdbc.queryForObject("""
				select max(u.number) from unit u join building b on b.id = u.building_id join estate e on e.id = b.estate_id
				 where e.code = 'TXC' and u.status = 'VACANT' and u.type = 'RESIDENTIAL'
				   and not exists (select 1 from owner o where o.unit_id = u.id)
				   and not exists (select 1 from move_in m where m.unit_id = u.id) and u.building_id in %s"""
			.formatted(TIANXIACHENG_BUILDINGS), String.class);
		String takenPlate = jdbc.queryForObject(
				"select min(plate_number) from vehicle where unit_id in (select id from unit where building_id in "
						+ TIANXIACHENG_BUILDINGS + ")", String.class);
		int moveIns = jdbc.queryForObject("select count(*) from move_in", Integer.class);
		String owner = "{\"name\":\"欧阳明\",\"idNumber\":\"" + ID_NUMBER + "\",\"phone\":\"" + PHONE + "\"}";

		assertRefused(moveIn(unitNumber, "[" + owner + "]", "[{\"plateNumber\":\"" + takenPlate + "\"}]"),
				HttpStatus.CONFLICT, "已登记在其他房屋");
		assertRefused(moveIn(unitNumber, "[" + owner.replace(PHONE, "abc") + "]", "[]"), HttpStatus.BAD_REQUEST, "联系电话不正确");
		assertRefused(moveIn(unitNumber, "[" + owner.replace(",\"phone\":\"" + PHONE + "\"", "") + "]", "[]"),
				HttpStatus.BAD_REQUEST, "联系电话不正确");
		assertRefused(moveIn(unitNumber, "[" + owner.replace(ID_NUMBER, "110105199003074510") + "]", "[]"),
				HttpStatus.BAD_REQUEST, "身份证号不正确");
		assertRefused(moveIn(unitNumber, "[null]", "[]"), HttpStatus.BAD_REQUEST, "业主信息不能为空");
		assertRefused(moveIn(unitNumber, "[" + owner.replace("欧阳明", "名".repeat(1_000_000)) + "]", "[]"),
				HttpStatus.BAD_REQUEST, "姓名最多");
		assertRefused(moveIn(unitNumber, "[" + owner + "]", "[{\"plateNumber\":\"冀A12\"}]"), HttpStatus.BAD_REQUEST,
				"车牌号不正确");
		assertThat(call("receptionist", HttpMethod.POST, "/api/move-ins", "{\"unitNumber\":\"" + unitNumber
				+ "\",\"contractNumber\":\"HT-1\",\"owners\":[" + owner + "],\"members\":[{\"name\":\"欧阳小雨\","
				+ "\"relation\":\"" + "子".repeat(500) + "\"}]}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(jdbc.queryForObject("select count(*) from move_in", Integer.class)).as("nothing created")
			.isEqualTo(moveIns);
	}

	private ResponseEntity<Map<String, Object>> moveIn(String unitNumber, String owners, String vehicles) {
		return call("receptionist", HttpMethod.POST, "/api/move-ins", "{\"unitNumber\":\"" + unitNumber
				+ "\",\"contractNumber\":\"HT-2026-0816\",\"owners\":" + owners + ",\"vehicles\":" + vehicles + "}");
	}

	private static void assertRefused(ResponseEntity<Map<String, Object>> response, HttpStatus status, String message) {
		assertThat(response.getStatusCode()).isEqualTo(status);
		assertThat(response.getBody().get("detail").toString()).contains(message);
	}

	private Task await(String processInstanceId, String taskKey) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 30_000;
		while (System.currentTimeMillis() < deadline) {
			Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
				.singleResult();
			if (task != null) {
				return task;
			}
			Thread.sleep(200);
		}
		return null;
	}

	private Task task(String processInstanceId) {
		return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
	}

	private ResponseEntity<Map<String, Object>> register(String unitNumber) {
		return call("receptionist", HttpMethod.POST, "/api/move-ins", "{\"unitNumber\":\"" + unitNumber
				+ "\",\"contractNumber\":\"HT-2026-0815\",\"owners\":[{\"name\":\"欧阳明\",\"idNumber\":\"" + ID_NUMBER
				+ "\",\"phone\":\"" + PHONE + "\"}],\"members\":[{\"name\":\"欧阳小雨\",\"relation\":\"子女\",\"phone\":\""
				+ MEMBER_PHONE + "\"}],\"vehicles\":[{\"plateNumber\":\"冀A9Z999\",\"model\":\"比亚迪汉\",\"color\":\"白色\"}]}");
	}

	private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, String body) {
		return StaffApi.call(rest, user, method, path, body);
	}

}
