package cn.tianxiacheng.servicecenter.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.archive.OwnerArchives.Document;
import cn.tianxiacheng.servicecenter.fee.MeterReadings;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Owner archives on the running application: masked without an access, in clear (and logged)
 * after the manager approves, masked again after it expires; the auditor reads the log.
 */
@IntegrationTest
class ArchiveIntegrationTests extends IntegrationTestSupport {

	@Autowired
	OwnerArchives archives;

	@Test
	void shouldShowAnArchiveInClearOnlyWhileAnApprovedAccessLasts() {
		long unitId = jdbc.queryForObject("""
				select min(u.id) from unit u where u.status = 'OCCUPIED' and u.building_id in %s
				   and exists (select 1 from resident r where r.unit_id = u.id and r.phone is not null)"""
			.formatted(TIANXIACHENG_BUILDINGS), Long.class);
		String unitNumber = jdbc.queryForObject("select number from unit where id = ?", String.class, unitId);
		String idNumber = jdbc.queryForObject("select min(id_number) from owner where unit_id = ?", String.class, unitId);
		long archiveId = archives.create(unitId, unitNumber, null,
				List.of(new Document("身份证", idNumber, LocalDate.now(), "档案室 1 号柜")), "test");

		Map<String, Object> masked = read(archiveId, "receptionist");
		assertThat(masked).containsEntry("inClear", false);
		assertThat(masked.toString()).doesNotContain(idNumber);
		assertThat(reads(archiveId)).isZero();

		Map<String, Object> access = call("receptionist", HttpMethod.POST, "/api/archives/" + archiveId + "/access-requests",
				"{\"reason\":\"业主来电要求核对登记信息\",\"kind\":\"CONSULT\"}").getBody();
		String processInstanceId = jdbc.queryForObject("select process_instance_id from archive_access where id = ?",
				String.class, ((Number) access.get("id")).longValue());
		Task approval = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
		WebSession requester = WebSession.loggedIn(port, "receptionist");
		assertThat(requester.get("/archives/" + archiveId).body()).as("the requester sees the request's state")
			.contains("我的查阅申请", "待经理批准");
		assertThat(reads(archiveId)).isZero();
		assertThat(taskService.getVariables(approval.getId())).as("the approver reads a name and words")
			.containsEntry("requestedByName", "王丽")
			.containsEntry("kindLabel", "查阅（批准后限时有效）");
		assertThat(call("receptionist", HttpMethod.POST, "/engine-rest/task/" + approval.getId() + "/complete",
				"{\"variables\":{\"approved\":{\"value\":true}}}").getStatusCode())
			.as("only the manager approves").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(call("manager", HttpMethod.POST, "/engine-rest/task/" + approval.getId() + "/claim",
				"{\"userId\":\"manager\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(call("manager", HttpMethod.POST, "/engine-rest/task/" + approval.getId() + "/complete",
				"{\"variables\":{\"approved\":{\"value\":true},\"opinion\":{\"value\":\"同意\"}}}").getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		StaffApi.awaitJobs(managementService, processInstanceId);
		String archiveNumber = jdbc.queryForObject("select archive_number from owner_archive where id = ?", String.class,
				archiveId);
		assertThat(requester.get("/").body()).as("told on 工作台")
			.contains("档案 " + archiveNumber + " 的查阅申请已批准，可查看至", "/archives/" + archiveId);
		assertThat(WebSession.loggedIn(port, "receptionist2").get("/").body()).doesNotContain(archiveNumber);

		Map<String, Object> clear = read(archiveId, "receptionist");
		assertThat(clear).containsEntry("inClear", true);
		assertThat(clear.toString()).contains(idNumber);
		assertThat(read(archiveId, "receptionist2")).as("the access is the requester's only").containsEntry("inClear", false);
		assertThat(reads(archiveId)).isEqualTo(1);

		managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId)
			.singleResult().getId());
		assertThat(read(archiveId, "receptionist")).as("expired").containsEntry("inClear", false);
		assertThat(reads(archiveId)).isEqualTo(1);

		ResponseEntity<List<Map<String, Object>>> log = rest.withBasicAuth("auditor", "demo").exchange(
				"/api/archives/read-log", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
				});
		assertThat(log.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(log.getBody()).anySatisfy(entry -> {
			assertThat(entry).containsEntry("readBy", "receptionist");
			assertThat(((Number) entry.get("archiveId")).longValue()).isEqualTo(archiveId);
		});
		assertThat(rest.withBasicAuth("receptionist", "demo").getForEntity("/api/archives/read-log", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldKeepAnArchiveMaskedWhenTheManagerRefuses() {
		long unitId = jdbc.queryForObject("""
				select max(o.unit_id) from owner o join unit_address u on u.unit_id = o.unit_id
				 where u.estate_id = (select id from estate where code = 'TXC')""", Long.class);
		String unitNumber = jdbc.queryForObject("select number from unit where id = ?", String.class, unitId);
		long archiveId = archives.create(unitId, unitNumber, null, List.of(), "test");
		Map<String, Object> access = call("engineer", HttpMethod.POST, "/api/archives/" + archiveId + "/access-requests",
				"{\"reason\":\"想看看\",\"kind\":\"CONSULT\"}").getBody();
		String processInstanceId = jdbc.queryForObject("select process_instance_id from archive_access where id = ?",
				String.class, ((Number) access.get("id")).longValue());
		Task approval = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
		StaffApi.work(rest, "manager", approval.getId(), Map.of("approved", false, "opinion", "理由不充分"));
		StaffApi.awaitJobs(managementService, processInstanceId);

		assertThat(read(archiveId, "engineer")).containsEntry("inClear", false);
		assertThat(jdbc.queryForObject("select status from archive_access where id = ?", String.class,
				((Number) access.get("id")).longValue())).isEqualTo("REFUSED");
		assertThat(call("engineer", HttpMethod.POST, "/api/archives/" + archiveId + "/access-requests",
				"{\"reason\":\"借阅\",\"kind\":\"BORROW\"}").getStatusCode()).as("a borrowing needs a due date")
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
	}

	@Test
	void shouldChangePhonesAtOnceAndIdNumbersOnlyWithTheManagersApproval() {
		long unitId = jdbc.queryForObject("""
				select min(o.unit_id) from owner o join unit u on u.id = o.unit_id
				 where o.move_in_date is not null and u.building_id in %s""".formatted(TIANXIACHENG_BUILDINGS), Long.class);
		String unitNumber = jdbc.queryForObject("select number from unit where id = ?", String.class, unitId);
		long ownerId = jdbc.queryForObject("select min(id) from owner where unit_id = ?", Long.class, unitId);
		String oldIdNumber = jdbc.queryForObject("select id_number from owner where id = ?", String.class, ownerId);
		long archiveId = archives.create(unitId, unitNumber, null, List.of(), "test");

		assertThat(change(archiveId, ownerId, "PHONE", "13500001111", "receptionist").getBody())
			.containsEntry("status", "APPLIED");
		assertThat(jdbc.queryForObject("select phone from owner where id = ?", String.class, ownerId))
			.isEqualTo("13500001111");

		assertThat(change(archiveId, ownerId, "ID_NUMBER", "110105198001010016", "manager").getStatusCode())
			.as("updates go through reception").isEqualTo(HttpStatus.FORBIDDEN);
		Map<String, Object> pending = change(archiveId, ownerId, "ID_NUMBER", "110105198001010016", "receptionist")
			.getBody();
		assertThat(pending).containsEntry("status", "PENDING");
		assertThat(jdbc.queryForObject("select id_number from owner where id = ?", String.class, ownerId))
			.as("not before the manager approves").isEqualTo(oldIdNumber);
		Task approval = taskService.createTaskQuery().processInstanceId((String) pending.get("processInstanceId"))
			.singleResult();
		assertThat(call("receptionist", HttpMethod.POST, "/engine-rest/task/" + approval.getId() + "/complete",
				"{\"variables\":{\"approved\":{\"value\":true}}}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		StaffApi.work(rest, "manager", approval.getId(), Map.of("approved", true, "opinion", "已核对"));
		StaffApi.awaitJobs(managementService, (String) pending.get("processInstanceId"));
		assertThat(jdbc.queryForObject("select id_number from owner where id = ?", String.class, ownerId))
			.isEqualTo("110105198001010016");
		assertThat(jdbc.queryForObject("select approved_by from archive_change where id = ?", String.class,
				((Number) pending.get("changeId")).longValue())).isEqualTo("manager");

		@SuppressWarnings("unchecked")
		List<Map<String, Object>> versions = (List<Map<String, Object>>) read(archiveId, "receptionist").get("changes");
		assertThat(versions).hasSize(2).allSatisfy(v -> assertThat(v).containsKeys("field", "oldValue", "newValue",
				"changedBy", "changedAt"));
		assertThat(versions.toString()).doesNotContain("110105198001010016").doesNotContain("13500001111");
		assertThat(versions).extracting(v -> v.get("fieldLabel")).containsExactly("联系电话", "身份证号");
		assertThat(versions).extracting(v -> v.get("changedByName")).containsOnly("王丽");
		assertThat(versions).extracting(v -> v.get("statusLabel")).containsExactly("已生效", "已批准并生效");
		assertThat(versions.get(1)).containsEntry("approvedByName", "刘强");
		meterReadings.record(unitId, "GAS", new BigDecimal("12.5"), LocalDate.now(), "receptionist");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> readings = (List<Map<String, Object>>) read(archiveId, "receptionist")
			.get("meterReadings");
		assertThat(readings).extracting(r -> r.get("meterLabel")).contains("燃气表");
		assertThat(change(archiveId, ownerId, "ID_NUMBER", "12345", "receptionist").getStatusCode())
			.isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
	}

	@Autowired
	MeterReadings meterReadings;

	private ResponseEntity<Map<String, Object>> change(long archiveId, long ownerId, String field, String value,
			String user) {
		return call(user, HttpMethod.POST, "/api/archives/" + archiveId + "/changes", "{\"ownerId\":" + ownerId
				+ ",\"field\":\"" + field + "\",\"newValue\":\"" + value + "\",\"reason\":\"业主申请\"}");
	}

	private int reads(long archiveId) {
		return jdbc.queryForObject("select count(*) from archive_read_log where archive_id = ?", Integer.class, archiveId);
	}

	private Map<String, Object> read(long archiveId, String user) {
		ResponseEntity<Map<String, Object>> archive = call(user, HttpMethod.GET, "/api/archives/" + archiveId, null);
		assertThat(archive.getStatusCode()).isEqualTo(HttpStatus.OK);
		return archive.getBody();
	}

	private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, String body) {
		return StaffApi.call(rest, user, method, path, body);
	}

}
