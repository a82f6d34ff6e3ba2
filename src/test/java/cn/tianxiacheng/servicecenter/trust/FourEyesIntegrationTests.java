package cn.tianxiacheng.servicecenter.trust;

import static cn.tianxiacheng.servicecenter.StaffApi.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.EstateStaff;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.OtherEstate;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.archive.OwnerArchives;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.ModelProperties;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Four eyes, as the attack: whoever asked for something tries to approve it himself, through
 * {@code /engine-rest}, being also a member of the approving group; and a colleague tries to
 * answer a sheet that only the evaluated staff member may answer. Every approval the deployed
 * models declare is tried, in 天下城 and in a second estate; a small estate's approvals go to the
 * 区域经理 of its region, and only of its region.
 */
@IntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class FourEyesIntegrationTests extends DecisionTestSupport {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	OwnerArchives archives;

	@Autowired
	EngineAsSystem asSystem;

	@ParameterizedTest
	@MethodSource("bothEstates")
	void shouldRefuseEveryApprovalToTheOneWhoseRequestItDecides(EstateStaff estate) {
		List<String> tried = new ArrayList<>();
		for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
			for (UserTask approval : repositoryService.getBpmnModelInstance(definition.getId())
				.getModelElementsByType(UserTask.class)) {
				String requesterVariable = ModelProperties.of(approval, "approval").orElse(null);
				if (requesterVariable != null) {
					trySelfApproval(estate, definition, approval.getId(), requesterVariable);
					tried.add(definition.getKey() + "/" + approval.getId());
				}
			}
		}

		assertThat(tried).as("approvals of the deployed models").hasSizeGreaterThanOrEqualTo(12)
			.contains("ArchiveAccessProcess/Task_ApproveAccess", "RepairPlanProcess/Task_ReviewPlan",
					"StaffEvaluationProcess/Task_DirectorApproves", "GoodsReleaseProcess/Task_ReviewRequest");
	}

	/**
	 * The process started (as the system) in the estate at the approval, with the estate's member of the
	 * approving group as its requester: he may not claim it, the estate's manager may not hand it to him,
	 * and given it by the administrator he may not complete it; the task stays open.
	 */
	private void trySelfApproval(EstateStaff estate, ProcessDefinition definition, String taskKey,
			String requesterVariable) {
		String instance = asSystem.callIn(estate.estate(), () -> runtimeService.createProcessInstanceById(definition.getId())
			.businessKey("FE-" + UUID.randomUUID())
			.setVariables(variablesForAnyTask())
			.startBeforeActivity(taskKey)
			.execute(true, true)
			.getId());
		Task task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
		assertThat(task.getTenantId()).isEqualTo(estate.code());
		String requester = estate.memberOf(candidateGroup(task));
		runtimeService.setVariable(instance, requesterVariable, requester);
		String what = definition.getKey() + "/" + taskKey + " requested by " + requester;

		ResponseEntity<Map<String, Object>> claim = StaffApi.call(rest, requester, HttpMethod.POST,
				"/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"" + requester + "\"}");
		assertThat(claim.getStatusCode()).as(what).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(claim.getBody().get("message").toString()).as(what).contains("申请人");
		assertThat(StaffApi.call(rest, estate.manager(), HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/assignee",
				"{\"userId\":\"" + requester + "\"}").getStatusCode()).as(what).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(StaffApi.call(rest, "admin", HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/assignee",
				"{\"userId\":\"" + requester + "\"}").getStatusCode()).as(what).isEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<Map<String, Object>> complete = StaffApi.call(rest, requester, HttpMethod.POST,
				"/engine-rest/task/" + task.getId() + "/complete", StaffApi.completion(Map.of()));
		assertThat(complete.getStatusCode()).as(what).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(complete.getBody().get("message").toString()).as(what).contains("申请人");
		assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as(what).isOne();
		runtimeService.deleteProcessInstance(instance, "test: four eyes tried");
	}

	@Test
	void shouldGiveTheManagersOwnArchiveAccessToTheDirector() {
		long archiveId = anArchive();
		ResponseEntity<Map<String, Object>> access = StaffApi.call(rest, "manager", HttpMethod.POST,
				"/api/archives/" + archiveId + "/access-requests", "{\"reason\":\"核对业主信息\",\"kind\":\"CONSULT\"}");
		assertThat(access.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		long accessId = ((Number) access.getBody().get("id")).longValue();
		String instance = jdbc.queryForObject("select process_instance_id from archive_access where id = ?", String.class,
				accessId);
		Task approval = taskService.createTaskQuery().processInstanceId(instance).singleResult();

		assertThat(StaffApi.call(rest, "manager", HttpMethod.POST, "/engine-rest/task/" + approval.getId() + "/claim",
				"{\"userId\":\"manager\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(StaffApi.call(rest, "manager", HttpMethod.POST, "/engine-rest/task/" + approval.getId() + "/assignee",
				"{\"userId\":\"manager\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		assertThat(taskService.createTaskQuery().taskId(approval.getId()).singleResult().getAssignee()).isNull();
		assertThat(jdbc.queryForObject("select status from archive_access where id = ?", String.class, accessId))
			.isEqualTo("REQUESTED");
		assertThat(StaffApi.call(rest, "manager", HttpMethod.GET, "/api/archives/" + archiveId, null).getBody())
			.containsEntry("inClear", false);

		assertThat(candidateGroup(approval)).as("the demo has one manager").isEqualTo("director");
		StaffApi.work(rest, "director", approval.getId(), vars("approved", true, "opinion", "同意"));
		StaffApi.awaitJobs(managementService, instance);
		assertThat(jdbc.queryForObject("select decided_by from archive_access where id = ?", String.class, accessId))
			.isEqualTo("director");
	}

	@Test
	void shouldGiveTheDirectorsOwnPlanToTheManagerBelowTheThreshold() {
		LocalDate today = LocalDate.now(SHANGHAI);
		ResponseEntity<Map<String, Object>> drafted = StaffApi.call(rest, "director", HttpMethod.POST, "/api/repair-plans",
				"""
						{"requestId":"%s","scale":"MEDIUM","item":"四眼测试维修","facility":"2号楼屋面","reason":"渗漏",
						 "constructionPlan":"局部翻修防水层","budget":9000.00,"plannedStart":"%s","plannedEnd":"%s"}"""
					.formatted(UUID.randomUUID(), today, today.plusDays(20)));
		assertThat(drafted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String instance = (String) drafted.getBody().get("processInstanceId");
		Task review = taskService.createTaskQuery().processInstanceId(instance).singleResult();

		assertThat(candidateGroup(review)).as("the only director drafted it").isEqualTo("manager");
		assertThat(StaffApi.call(rest, "director", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/claim",
				"{\"userId\":\"director\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		StaffApi.work(rest, "manager", review.getId(), vars("planApproved", true, "opinion", "同意"));
		StaffApi.awaitJobs(managementService, instance);
		assertThat(jdbc.queryForObject("select status from repair_plan where process_instance_id = ?", String.class,
				instance)).isEqualTo("WORKS");
	}

	@Test
	void shouldGiveTheSealOfTheManagersOwnRequestToTheDirector() throws InterruptedException {
		Map<String, Object> owner = jdbc.queryForMap("""
				select u.number, o.name from owner o join unit u on u.id = o.unit_id
				 where u.status = 'OCCUPIED' and o.move_in_date is not null and u.building_id in %s
				 order by o.id fetch first 1 rows only""".formatted(TIANXIACHENG_BUILDINGS));
		ResponseEntity<Map<String, Object>> registered = StaffApi.call(rest, "manager", HttpMethod.POST,
				"/api/assistance-requests", "{\"requestId\":\"" + UUID.randomUUID() + "\",\"unitNumber\":\""
						+ owner.get("number") + "\",\"ownerName\":\"" + owner.get("name")
						+ "\",\"kind\":\"RESIDENCE\",\"purpose\":\"SCHOOL_ENROLMENT\",\"addressee\":\"天下城第一小学\"}");
		assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
		String instance = (String) registered.getBody().get("processInstanceId");
		workTask("receptionist", instance, "Task_VerifyRequester", vars("requesterVerified", true, "opinion", "身份一致"));
		Task seal = awaitTask(instance, "Task_ApproveSeal");

		assertThat(candidateGroup(seal)).as("the demo has one manager").isEqualTo("director");
		assertThat(StaffApi.call(rest, "manager", HttpMethod.POST, "/engine-rest/task/" + seal.getId() + "/claim",
				"{\"userId\":\"manager\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		StaffApi.work(rest, "director", seal.getId(), vars("sealApproved", true, "opinion", "同意用印"));
		assertThat(awaitTask(instance, "Task_HandOver")).isNotNull();
	}

	/**
	 * A small estate (as 翠湖苑) whose one manager is also its director: his own plan goes to the 区域经理 of
	 * its region. He cannot take it; a 区域经理 of another region does not even find it (the engine's tenant
	 * check), nor is it handed to him, and nothing changes; the region's manager decides it.
	 */
	@Test
	void shouldGiveTheOwnPlanOfASmallEstatesManagerAndDirectorToItsRegionalManager() {
		OtherEstate small = OtherEstate.create(jdbc, estateTenants, identityService);
		identityService.createMembership(small.manager(), "director");
		String regional = small.regionalManager(identityService);
		String otherRegion = OtherEstate.create(jdbc, estateTenants, identityService).regionalManager(identityService, "TXC");
		LocalDate today = LocalDate.now(SHANGHAI);
		ResponseEntity<Map<String, Object>> drafted = StaffApi.call(rest, small.manager(), HttpMethod.POST,
				"/api/repair-plans", """
						{"requestId":"%s","scale":"MEDIUM","item":"小项目维修","facility":"屋面","reason":"渗漏",
						 "constructionPlan":"局部翻修防水层","budget":9000.00,"plannedStart":"%s","plannedEnd":"%s"}"""
					.formatted(UUID.randomUUID(), today, today.plusDays(20)));
		assertThat(drafted.getStatusCode()).as("%s", drafted.getBody()).isEqualTo(HttpStatus.CREATED);
		String instance = (String) drafted.getBody().get("processInstanceId");
		Task review = taskService.createTaskQuery().processInstanceId(instance).singleResult();
		assertThat(candidateGroup(review)).as("no other manager or director in the estate").isEqualTo("regionmanager");

		assertThat(StaffApi.call(rest, small.manager(), HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/claim",
				"{\"userId\":\"" + small.manager() + "\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(StaffApi.call(rest, otherRegion, HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/claim",
				"{\"userId\":\"" + otherRegion + "\"}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<Map<String, Object>> completed = StaffApi.call(rest, otherRegion, HttpMethod.POST,
				"/engine-rest/task/" + review.getId() + "/complete",
				StaffApi.completion(vars("planApproved", true, "opinion", "同意")));
		assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(String.valueOf(completed.getBody())).doesNotContain("小项目维修");
		ResponseEntity<Map<String, Object>> handed = StaffApi.call(rest, small.manager(), HttpMethod.POST,
				"/engine-rest/task/" + review.getId() + "/assignee", "{\"userId\":\"" + otherRegion + "\"}");
		assertThat(handed.getStatusCode()).as("handed to a 区域经理 of another region").isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(handed.getBody().get("message").toString()).contains("本项目");
		assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();
		assertThat(planStatus(instance)).isEqualTo("REVIEW");

		StaffApi.work(rest, regional, review.getId(), vars("planApproved", true, "opinion", "同意"));
		StaffApi.awaitJobs(managementService, instance);
		assertThat(planStatus(instance)).isEqualTo("WORKS");
	}

	/**
	 * A small estate whose one manager is also a 区域经理: his own archive access is refused, and nothing
	 * recorded, while no one else of the estate may decide it; once the region has another manager there, it
	 * goes to 区域经理, where he still may not take it, and the other decides it.
	 */
	@Test
	void shouldNeitherLeaveARequestWithoutApproverNorLetARegionalManagerApproveHisOwn() {
		OtherEstate small = OtherEstate.create(jdbc, estateTenants, identityService);
		identityService.createMembership(small.manager(), "regionmanager");
		long archiveId = archives.create(unitId(small.units().get(0), small), small.units().get(0), null, List.of(), "test");
		int accesses = jdbc.queryForObject("select count(*) from archive_access", Integer.class);
		String request = "{\"reason\":\"核对业主信息\",\"kind\":\"CONSULT\"}";

		ResponseEntity<Map<String, Object>> refused = StaffApi.call(rest, small.manager(), HttpMethod.POST,
				"/api/archives/" + archiveId + "/access-requests", request);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(refused.getBody().get("detail").toString()).contains("区域经理", "申请人本人不能审批");
		assertThat(jdbc.queryForObject("select count(*) from archive_access", Integer.class)).isEqualTo(accesses);

		String regional = small.regionalManager(identityService);
		ResponseEntity<Map<String, Object>> access = StaffApi.call(rest, small.manager(), HttpMethod.POST,
				"/api/archives/" + archiveId + "/access-requests", request);
		assertThat(access.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		long accessId = ((Number) access.getBody().get("id")).longValue();
		String instance = jdbc.queryForObject("select process_instance_id from archive_access where id = ?", String.class,
				accessId);
		Task approval = taskService.createTaskQuery().processInstanceId(instance).singleResult();
		assertThat(candidateGroup(approval)).isEqualTo("regionmanager");
		ResponseEntity<Map<String, Object>> own = StaffApi.call(rest, small.manager(), HttpMethod.POST,
				"/engine-rest/task/" + approval.getId() + "/claim", "{\"userId\":\"" + small.manager() + "\"}");
		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(own.getBody().get("message").toString()).contains("申请人");

		StaffApi.work(rest, regional, approval.getId(), vars("approved", true, "opinion", "同意"));
		StaffApi.awaitJobs(managementService, instance);
		assertThat(jdbc.queryForObject("select decided_by from archive_access where id = ?", String.class, accessId))
			.isEqualTo(regional);
	}

	@Test
	void shouldLetOnlyTheEvaluatedStaffMemberAnswerTheirSheet() {
		String instance = runtimeService.createProcessInstanceByKey("StaffEvaluationProcess")
			.businessKey("KH-FE-" + UUID.randomUUID())
			.setVariables(variablesForAnyTask())
			.setVariable("staffId", "receptionist")
			.setVariable("post", "reception")
			.startBeforeActivity("Task_StaffConfirms")
			.execute(true, true)
			.getId();
		Task confirm = taskService.createTaskQuery().processInstanceId(instance).singleResult();
		assertThat(confirm.getAssignee()).isEqualTo("receptionist");

		assertThat(StaffApi.call(rest, "manager", HttpMethod.POST, "/engine-rest/task/" + confirm.getId() + "/assignee",
				"{\"userId\":\"receptionist2\"}").getStatusCode()).as("the manager reassigns").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(StaffApi.call(rest, "manager", HttpMethod.POST, "/engine-rest/task/" + confirm.getId() + "/delegate",
				"{\"userId\":\"receptionist2\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(StaffApi.call(rest, "manager", HttpMethod.POST, "/engine-rest/task/" + confirm.getId() + "/identity-links",
				"{\"userId\":\"receptionist2\",\"type\":\"owner\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(taskService.createTaskQuery().taskId(confirm.getId()).singleResult().getAssignee())
			.isEqualTo("receptionist");

		assertThat(StaffApi.call(rest, "admin", HttpMethod.POST, "/engine-rest/task/" + confirm.getId() + "/assignee",
				"{\"userId\":\"receptionist2\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<Map<String, Object>> colleague = StaffApi.call(rest, "receptionist2", HttpMethod.POST,
				"/engine-rest/task/" + confirm.getId() + "/complete",
				StaffApi.completion(vars("response", "CONFIRM")));
		assertThat(colleague.getStatusCode()).as("even when handed the task").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(colleague.getBody().get("message").toString()).contains("本人");
		taskService.setAssignee(confirm.getId(), null);
		assertThat(StaffApi.call(rest, "receptionist2", HttpMethod.POST, "/engine-rest/task/" + confirm.getId() + "/claim",
				"{\"userId\":\"receptionist2\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(StaffApi.call(rest, "receptionist", HttpMethod.POST, "/engine-rest/task/" + confirm.getId() + "/claim",
				"{\"userId\":\"receptionist\"}").getStatusCode()).as("the staff member takes it back")
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(taskService.createTaskQuery().taskId(confirm.getId()).count()).isOne();
		runtimeService.deleteProcessInstance(instance, "test: four eyes tried");
	}

	/** What the approvals' due dates, groups and forms read, for a process started at any of them. */
	private static Map<String, Object> variablesForAnyTask() {
		LocalDate later = LocalDate.now(SHANGHAI).plusDays(30);
		return vars("caseNumber", "FE-1", "category", "四眼测试", "urgencyLabel", "一般", "unitNumber", "1-1-101",
				"validTo", later.atStartOfDay(SHANGHAI).toInstant().toString(), "reviewGroup", "manager",
				"approverGroup", "manager", "moveOutGroup", "manager",
				"supervisorGroup", "manager", "post", "reception", "staffId", "nobody", "requestedBy", "nobody",
				"permitEnd", later.toString(), "plannedEnd", later.toString(), "rectifyBy", later.toString(),
				"dueOn", later.toString(), "recentSteps", "");
	}

	private String candidateGroup(Task task) {
		return taskService.getIdentityLinksForTask(task.getId()).stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.findFirst()
			.orElseThrow();
	}

	private String planStatus(String instance) {
		return jdbc.queryForObject("select status from repair_plan where process_instance_id = ?", String.class, instance);
	}

	private long unitId(String unitNumber, OtherEstate estate) {
		return jdbc.queryForObject("select unit_id from unit_address where unit_number = ? and estate_id = ?", Long.class,
				unitNumber, estate.estate().id());
	}

	private long anArchive() {
		long unitId = jdbc.queryForObject("""
				select min(o.unit_id) from owner o join unit u on u.id = o.unit_id
				 where o.move_in_date is not null and u.building_id in %s""".formatted(TIANXIACHENG_BUILDINGS), Long.class);
		String unitNumber = jdbc.queryForObject("select number from unit where id = ?", String.class, unitId);
		return archives.create(unitId, unitNumber, null, List.of(), "test");
	}

}
