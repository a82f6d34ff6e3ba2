package cn.tianxiacheng.servicecenter.trust;

import static cn.tianxiacheng.servicecenter.StaffApi.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.archive.OwnerArchives;
import cn.tianxiacheng.servicecenter.system.ModelProperties;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Four eyes, as the attack: whoever asked for something tries to approve it himself, through
 * {@code /engine-rest}, being also a member of the approving group; and a colleague tries to
 * answer a sheet that only the evaluated staff member may answer. Every approval the deployed
 * models declare is tried.
 */
@IntegrationTest
class FourEyesIntegrationTests extends DecisionTestSupport {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	OwnerArchives archives;

	@Test
	void shouldRefuseEveryApprovalToTheOneWhoseRequestItDecides() {
		List<String> tried = new ArrayList<>();
		for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
			for (UserTask approval : repositoryService.getBpmnModelInstance(definition.getId())
				.getModelElementsByType(UserTask.class)) {
				String requesterVariable = ModelProperties.of(approval, "approval").orElse(null);
				if (requesterVariable != null) {
					trySelfApproval(definition, approval.getId(), requesterVariable);
					tried.add(definition.getKey() + "/" + approval.getId());
				}
			}
		}

		assertThat(tried).as("approvals of the deployed models").hasSizeGreaterThanOrEqualTo(12)
			.contains("ArchiveAccessProcess/Task_ApproveAccess", "RepairPlanProcess/Task_ReviewPlan",
					"StaffEvaluationProcess/Task_DirectorApproves", "GoodsReleaseProcess/Task_ReviewRequest");
	}

	/**
	 * The process started (as the system) at the approval, with a member of the approving group
	 * as its requester: he may not claim it, the manager may not hand it to him, and given it by
	 * the administrator he may not complete it; the task stays open.
	 */
	private void trySelfApproval(ProcessDefinition definition, String taskKey, String requesterVariable) {
		String instance = runtimeService.createProcessInstanceById(definition.getId())
			.businessKey("FE-" + UUID.randomUUID())
			.setVariables(variablesForAnyTask())
			.startBeforeActivity(taskKey)
			.execute(true, true)
			.getId();
		Task task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
		String requester = memberOf(candidateGroup(task));
		runtimeService.setVariable(instance, requesterVariable, requester);
		String what = definition.getKey() + "/" + taskKey + " requested by " + requester;

		ResponseEntity<Map<String, Object>> claim = StaffApi.call(rest, requester, HttpMethod.POST,
				"/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"" + requester + "\"}");
		assertThat(claim.getStatusCode()).as(what).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(claim.getBody().get("message").toString()).as(what).contains("申请人");
		assertThat(StaffApi.call(rest, "manager", HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/assignee",
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

	/** A demo user of the group (other tests add users without the demo password). */
	private static String memberOf(String group) {
		return Map.of("manager", "manager", "director", "director", "reception", "receptionist", "engineering", "engineer",
				"cashier", "cashier", "security", "guard").get(group);
	}

	private long anArchive() {
		long unitId = jdbc.queryForObject("""
				select min(o.unit_id) from owner o join unit u on u.id = o.unit_id
				 where o.move_in_date is not null and u.building_id in %s""".formatted(TIANXIACHENG_BUILDINGS), Long.class);
		String unitNumber = jdbc.queryForObject("select number from unit where id = ?", String.class, unitId);
		return archives.create(unitId, unitNumber, null, List.of(), "test");
	}

}
