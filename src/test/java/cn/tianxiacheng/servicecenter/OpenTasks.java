package cn.tianxiacheng.servicecenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.archive.OwnerArchives;
import cn.tianxiacheng.servicecenter.casework.ReturnVisitProcess;
import cn.tianxiacheng.servicecenter.decoration.DecorationRequests;
import cn.tianxiacheng.servicecenter.dunning.FeeDunningProcess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One open user task of every process that has user tasks, each brought about the way the
 * application brings it about (the API, or the system starting the process), with the staff
 * member whose group works it.
 */
public class OpenTasks {

	public record OpenTask(String processKey, String processInstanceId, String taskId, String user) {

		@Override
		public String toString() {
			return processKey;
		}

	}

	private final TestRestTemplate rest;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final ManagementService managementService;

	private final JdbcTemplate jdbc;

	private final OwnerArchives archives;

	public OpenTasks(TestRestTemplate rest, RuntimeService runtimeService, TaskService taskService,
			ManagementService managementService, JdbcTemplate jdbc, OwnerArchives archives) {
		this.rest = rest;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.managementService = managementService;
		this.jdbc = jdbc;
		this.archives = archives;
	}

	public List<OpenTask> ofEveryProcess() {
		return List.of(complaint(), serviceRequest(), returnVisit(), moveIn(), archiveAccess(), archiveChange(), dunning(),
				goodsRelease(), parkingLease(), decoration(), assistanceRequest(), inspectionRound(), repairPlan());
	}

	public OpenTask complaint() {
		return openTask("ComplaintProcess", register("COMPLAINT", "服务态度"), "receptionist");
	}

	/** A complaint about the estate's unit, waiting for the estate's reception. */
	public OpenTask complaint(EstateStaff estate) {
		return openTask("ComplaintProcess", register("COMPLAINT", "服务态度", estate.receptionist(), estate.unitNumber()),
				estate.receptionist());
	}

	public OpenTask serviceRequest() {
		return openTask("ServiceRequestProcess", register("SERVICE_REQUEST", "水电维修"), "engineer");
	}

	public OpenTask returnVisit() {
		String caseNumber = (String) runtimeService.createProcessInstanceQuery()
			.processInstanceId(register("COMPLAINT", "噪音扰民"))
			.singleResult()
			.getBusinessKey();
		String visit = runtimeService.startProcessInstanceByKey(ReturnVisitProcess.KEY,
				ReturnVisitProcess.businessKey(caseNumber),
				StaffApi.vars("caseNumber", caseNumber, "unitNumber", "1-1-101", "category", "噪音扰民", "description",
						"楼上装修噪音", "recentSteps", "", ReturnVisitProcess.DETAILS_PATH, "/cases/" + caseNumber,
						ReturnVisitProcess.ATTEMPTS, 0))
			.getId();
		managementService.executeJob(managementService.createJobQuery().processInstanceId(visit).singleResult().getId());
		return openTask(ReturnVisitProcess.KEY, visit, "receptionist");
	}

	public OpenTask moveIn() {
		String unitNumber = jdbc.queryForObject("""
				select min(u.number) from unit u where u.status = 'VACANT' and u.type = 'RESIDENTIAL'
				   and not exists (select 1 from owner o where o.unit_id = u.id)
				   and not exists (select 1 from move_in m where m.unit_id = u.id) and u.building_id in %s"""
			.formatted(IntegrationTestSupport.TIANXIACHENG_BUILDINGS), String.class);
		ResponseEntity<Map<String, Object>> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST,
				"/api/move-ins", "{\"unitNumber\":\"" + unitNumber + "\",\"contractNumber\":\"HT-2026-0901\","
						+ "\"owners\":[{\"name\":\"司马青\",\"idNumber\":\"11010519900307451X\",\"phone\":\"13612345678\"}]}");
		assertThat(registered.getStatusCode()).as("move-in registered: %s", registered.getBody()).isEqualTo(HttpStatus.OK);
		return openTask("MoveInProcess", (String) registered.getBody().get("processInstanceId"), "receptionist");
	}

	public OpenTask archiveAccess() {
		return archiveAccess(anArchive(), "receptionist", "manager");
	}

	/** The estate's receptionist's request to read the archive of the estate's unit, waiting for its manager. */
	public OpenTask archiveAccess(EstateStaff estate) {
		long unitId = jdbc.queryForObject("select unit_id from unit_address where unit_number = ? and estate_id = ?",
				Long.class, estate.unitNumber(), estate.estate().id());
		return archiveAccess(archives.create(unitId, estate.unitNumber(), null, List.of(), "test"), estate.receptionist(),
				estate.manager());
	}

	private OpenTask archiveAccess(long archiveId, String receptionist, String manager) {
		ResponseEntity<Map<String, Object>> access = StaffApi.call(rest, receptionist, HttpMethod.POST,
				"/api/archives/" + archiveId + "/access-requests", "{\"reason\":\"核对业主信息\",\"kind\":\"CONSULT\"}");
		assertThat(access.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String processInstanceId = jdbc.queryForObject("select process_instance_id from archive_access where id = ?",
				String.class, ((Number) access.getBody().get("id")).longValue());
		return openTask("ArchiveAccessProcess", processInstanceId, manager);
	}

	public OpenTask archiveChange() {
		long archiveId = anArchive();
		long ownerId = jdbc.queryForObject(
				"select min(o.id) from owner o join owner_archive a on a.unit_id = o.unit_id where a.id = ?", Long.class,
				archiveId);
		ResponseEntity<Map<String, Object>> change = StaffApi.call(rest, "receptionist", HttpMethod.POST,
				"/api/archives/" + archiveId + "/changes",
				"{\"ownerId\":" + ownerId + ",\"field\":\"NAME\",\"newValue\":\"诸葛明\",\"reason\":\"过户\"}");
		assertThat(change.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return openTask("ArchiveChangeProcess", (String) change.getBody().get("processInstanceId"), "manager");
	}

	public OpenTask dunning() {
		Map<String, Object> unit = jdbc
			.queryForMap("select id, number from unit where id = (select max(id) from unit where status = 'OCCUPIED'"
					+ " and building_id in " + IntegrationTestSupport.TIANXIACHENG_BUILDINGS + ")");
		String processInstanceId = runtimeService.startProcessInstanceByKey(FeeDunningProcess.KEY,
				FeeDunningProcess.businessKey("TXC", unit.get("number") + "-" + UUID.randomUUID()),
				StaffApi.vars(FeeDunningProcess.Var.UNIT_ID, ((Number) unit.get("id")).longValue(),
						FeeDunningProcess.Var.UNIT_NUMBER, unit.get("number"), FeeDunningProcess.Var.OVERDUE_AMOUNT,
						"198.79", FeeDunningProcess.Var.OLDEST_DUE_DATE, "2026-10-01"))
			.getId();
		return openTask(FeeDunningProcess.KEY, processInstanceId, "receptionist");
	}

	/** A tenant's goods release request, waiting for reception to confirm with the owner. */
	public OpenTask goodsRelease() {
		Map<String, Object> tenant = jdbc.queryForMap(
				"""
						select u.number, t.name from tenant t join unit u on u.id = t.unit_id
						 where t.id = (select max(t2.id) from tenant t2 join unit_address a on a.unit_id = t2.unit_id
						                join estate e on e.id = a.estate_id where e.code = 'TXC')""");
		LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0);
		ResponseEntity<Map<String, Object>> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST,
				"/api/release-passes", """
						{"requestId":"%s","unitNumber":"%s","applicantKind":"TENANT","applicantName":"%s",
						 "applicantPhone":"13712345678","items":[{"name":"书桌","quantity":1}],
						 "validFrom":"%s","validTo":"%s","gate":"东门"}""".formatted(UUID.randomUUID(),
						tenant.get("number"), tenant.get("name"), now, now.plusHours(4)));
		assertThat(registered.getStatusCode()).as("release requested: %s", registered.getBody()).isEqualTo(HttpStatus.OK);
		String processInstanceId = (String) registered.getBody().get("processInstanceId");
		StaffApi.awaitJobs(managementService, processInstanceId);
		return openTask("GoodsReleaseProcess", processInstanceId, "receptionist");
	}

	/** An owner's application for a vacant space, waiting for reception's check. */
	public OpenTask parkingLease() {
		Map<String, Object> owner = jdbc.queryForMap("""
				select u.number, o.name, v.plate_number from vehicle v join unit u on u.id = v.unit_id
				  join owner o on o.unit_id = u.id
				 where v.id = (select max(v2.id) from vehicle v2 join unit u2 on u2.id = v2.unit_id
				                 join building b2 on b2.id = u2.building_id join estate e2 on e2.id = b2.estate_id
				                where e2.code = 'TXC' and exists (select 1 from owner o3 where o3.unit_id = v2.unit_id)
				                  and not exists (select 1 from parking_lease_plate p where p.plate_number = v2.plate_number))
				   and o.id = (select min(o2.id) from owner o2 where o2.unit_id = u.id)""");
		String space = jdbc.queryForObject("""
				select max(s.number) from parking_space s join estate e on e.id = s.estate_id
				 where e.code = 'TXC' and s.status = 'VACANT'
				   and not exists (select 1 from parking_lease l where l.space_id = s.id)""",
				String.class);
		ResponseEntity<Map<String, Object>> applied = StaffApi.call(rest, "receptionist", HttpMethod.POST,
				"/api/parking-leases", """
						{"requestId":"%s","unitNumber":"%s","lesseeKind":"OWNER","lesseeName":"%s","lesseePhone":"13812345678",
						 "spaceNumber":"%s","plates":["%s"],"startDate":"%s","months":12,"paymentPlan":"PREPAID"}"""
					.formatted(UUID.randomUUID(), owner.get("number"), owner.get("name"), space, owner.get("plate_number"),
							LocalDateTime.now(ZoneId.of("Asia/Shanghai")).toLocalDate()));
		assertThat(applied.getStatusCode()).as("lease applied for: %s", applied.getBody()).isEqualTo(HttpStatus.OK);
		return openTask("ParkingLeaseProcess", (String) applied.getBody().get("processInstanceId"), "receptionist");
	}

	/** An owner's decoration application, waiting for reception's check of the papers. */
	public OpenTask decoration() {
		Map<String, Object> unit = DecorationRequests.freshUnit(jdbc, "2-2-");
		ResponseEntity<Map<String, Object>> applied = DecorationRequests.apply(rest, (String) unit.get("number"),
				(String) unit.get("owner_name"), List.of());
		assertThat(applied.getStatusCode()).as("decoration applied: %s", applied.getBody()).isEqualTo(HttpStatus.OK);
		return openTask("DecorationApprovalProcess", (String) applied.getBody().get("processInstanceId"), "receptionist");
	}

	/** A request for a residence certificate of an owner on record, waiting for reception's check. */
	public OpenTask assistanceRequest() {
		Map<String, Object> owner = jdbc.queryForMap("""
				select u.number, o.name from owner o join unit u on u.id = o.unit_id
				 where u.status = 'OCCUPIED' and o.move_in_date is not null and u.building_id in %s
				 order by o.id fetch first 1 rows only""".formatted(IntegrationTestSupport.TIANXIACHENG_BUILDINGS));
		ResponseEntity<Map<String, Object>> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST,
				"/api/assistance-requests", "{\"unitNumber\":\"" + owner.get("number") + "\",\"ownerName\":\""
						+ owner.get("name") + "\",\"kind\":\"RESIDENCE\",\"purpose\":\"SCHOOL_ENROLMENT\","
						+ "\"addressee\":\"天下城第一小学\"}");
		assertThat(registered.getStatusCode()).as("assistance requested: %s", registered.getBody())
			.isEqualTo(HttpStatus.CREATED);
		return openTask("AssistanceRequestProcess", (String) registered.getBody().get("processInstanceId"), "receptionist");
	}

	/** A round of a route of its own, running all day today, waiting for the guard's walk. */
	public OpenTask inspectionRound() {
		String route = "信任测试路线-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.update("insert into inspection_route (name, duty_group, active, estate_id)"
				+ " values (?, 'security', false, (select id from estate where code = 'TXC'))", route);
		long routeId = jdbc.queryForObject("select id from inspection_route where name = ?", Long.class, route);
		jdbc.update("""
				insert into inspection_checkpoint (route_id, position, name, kind, location, checklist, case_unit_number,
				       case_category) values (?, 1, '大堂', 'COMMON_AREA', '1号楼一层', '门禁正常', '1-1-101', '公共设施')""",
				routeId);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		String number = "XC-T" + routeId;
		jdbc.update("""
				insert into inspection_round (round_number, route_id, round_date, shift, starts_at, ends_at, status, estate_id)
				values (?, ?, ?, 'MORNING', ?, ?, 'PLANNED', (select id from estate where code = 'TXC'))""", number, routeId, Date.valueOf(today),
				Timestamp.from(today.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()),
				Timestamp.from(today.plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()));
		String round = runtimeService.startProcessInstanceByKey("InspectionRoundProcess", number,
				StaffApi.vars("caseNumber", number, "category", "日常巡查 · 上午", "routeName", route, "dutyGroup", "security",
						"roundDate", today.toString(), "startTime", "00:00", "endTime", "23:59:59", "checkpoints", 1,
						"detailsPath", "/rounds/" + number, "recentSteps", ""))
			.getId();
		jdbc.update("update inspection_round set process_instance_id = ? where round_number = ?", round, number);
		StaffApi.awaitJobs(managementService, round);
		// the round ends at midnight: its overdue timer moves a day on, so a test near midnight still finds it open
		for (Job overdue : managementService.createJobQuery().processInstanceId(round).timers().list()) {
			managementService.setJobDuedate(overdue.getId(), java.util.Date.from(Instant.now().plus(Duration.ofDays(1))));
		}
		return openTask("InspectionRoundProcess", round, "guard");
	}

	/** A medium repair plan the director drafted, waiting for the manager's review (the demo has one director). */
	public OpenTask repairPlan() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		ResponseEntity<Map<String, Object>> drafted = StaffApi.call(rest, "director", HttpMethod.POST, "/api/repair-plans",
				"""
						{"requestId":"%s","scale":"MEDIUM","item":"信任测试维修","facility":"1号楼屋面","reason":"渗漏",
						 "constructionPlan":"局部翻修防水层","budget":12000.00,"plannedStart":"%s","plannedEnd":"%s"}"""
					.formatted(UUID.randomUUID(), today, today.plusDays(20)));
		assertThat(drafted.getStatusCode()).as("repair plan drafted: %s", drafted.getBody()).isEqualTo(HttpStatus.CREATED);
		return openTask("RepairPlanProcess", (String) drafted.getBody().get("processInstanceId"), "manager");
	}

	private String register(String type, String category) {
		return register(type, category, "receptionist", "1-1-101");
	}

	private String register(String type, String category, String receptionist, String unitNumber) {
		ResponseEntity<Map<String, Object>> registered = StaffApi.call(rest, receptionist, HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"unitNumber\":\"" + unitNumber + "\","
						+ "\"contactName\":\"钱女士\",\"channel\":\"PHONE\",\"category\":\"" + category
						+ "\",\"urgency\":\"NORMAL\",\"description\":\"测试案件\"}");
		assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.OK);
		return (String) registered.getBody().get("processInstanceId");
	}

	private long anArchive() {
		long unitId = jdbc.queryForObject("""
				select min(o.unit_id) from owner o join unit u on u.id = o.unit_id
				 where o.move_in_date is not null and u.building_id in %s"""
			.formatted(IntegrationTestSupport.TIANXIACHENG_BUILDINGS), Long.class);
		String unitNumber = jdbc.queryForObject("select number from unit where id = ?", String.class, unitId);
		return archives.create(unitId, unitNumber, null, List.of(), "test");
	}

	private OpenTask openTask(String processKey, String processInstanceId, String user) {
		Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
		assertThat(task).as("an open task of %s", processKey).isNotNull();
		return new OpenTask(processKey, processInstanceId, task.getId(), user);
	}

}
