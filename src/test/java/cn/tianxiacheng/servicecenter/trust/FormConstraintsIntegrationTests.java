package cn.tianxiacheng.servicecenter.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import cn.tianxiacheng.servicecenter.FormConstraints;
import cn.tianxiacheng.servicecenter.FormConstraints.Violation;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.OpenTasks;
import cn.tianxiacheng.servicecenter.OpenTasks.OpenTask;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.casework.ReturnVisitProcess;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The deployed form is the contract, on both doors: for every user task and start event of the
 * deployed models that names a form ({@code camunda:formRef}), each constraint the form declares
 * is broken once ({@link FormConstraints}) and submitted by the staff member who works the task,
 * through {@code /engine-rest} and through the webapps' API: 400 naming the field, the task still
 * open and its variables unchanged. The task is brought about by the system starting an instance
 * before it, with the business key of a real record where the task's listeners read one (a repair,
 * its return visit, a decoration), so that every task is reached.
 */
@IntegrationTest
class FormConstraintsIntegrationTests extends IntegrationTestSupport {

	private static final Map<String, String> WORKER = Map.of("reception", "receptionist", "cashier", "cashier", "manager",
			"manager", "director", "director", "engineering", "engineer", "security", "guard", "cleaning", "cleaner");

	@Autowired
	OpenTasks openTasks;

	private final Map<String, WebSession> sessions = new HashMap<>();

	@Test
	void shouldRefuseEveryConstraintOfEveryDeployedFormOnBothDoorsAndChangeNothing() {
		SoftAssertions softly = new SoftAssertions();
		TreeSet<String> reached = new TreeSet<>();
		TreeSet<String> unreached = new TreeSet<>();
		int tried = 0;
		Map<String, String> businessKeys = businessKeysOfRealRecords();
		for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
			var model = repositoryService.getBpmnModelInstance(definition.getId());
			for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
				if (userTask.getCamundaFormRef() == null) {
					continue;
				}
				String where = definition.getKey() + "." + userTask.getId() + " (" + userTask.getCamundaFormRef() + ")";
				String instance = openBefore(definition, businessKeys.get(definition.getKey()), userTask.getId());
				if (instance == null) {
					unreached.add(where);
					continue;
				}
				reached.add(userTask.getCamundaFormRef());
				try {
					tried += tryTask(softly, where, instance, userTask.getId(), userTask.getCamundaFormRef());
				}
				finally {
					runtimeService.deleteProcessInstance(instance, "form constraints tried", true, true);
					historyService.deleteHistoricProcessInstance(instance);
				}
			}
			for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
				if (start.getCamundaFormRef() != null) {
					reached.add(start.getCamundaFormRef());
					tried += tryStart(softly, definition, start.getCamundaFormRef());
				}
			}
		}
		System.out.println("Form constraints tried: " + tried + " on the forms " + reached + "; tasks not reached: "
				+ unreached);
		softly.assertAll();
		assertThat(unreached).as("tasks that could not be opened").isEmpty();
		assertThat(reached).as("forms tried through the engine").hasSizeGreaterThan(60);
	}

	private int tryTask(SoftAssertions softly, String where, String instance, String activityId, String form) {
		Task task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(activityId).singleResult();
		String user = task.getAssignee() != null ? task.getAssignee() : WORKER.get(candidateGroup(task));
		if (task.getAssignee() == null) {
			taskService.claim(task.getId(), user);
		}
		Map<String, Object> before = runtimeService.getVariables(instance);
		int tried = 0;
		for (Violation violation : FormConstraints.of(form).violations()) {
			String body = StaffApi.completion(violation.submission());
			ResponseEntity<Map<String, Object>> refused = StaffApi.call(rest, user, HttpMethod.POST,
					"/engine-rest/task/" + task.getId() + "/complete", body);
			softly.assertThat(refused.getStatusCode().value()).as("%s %s via /engine-rest: %s", where, violation,
					refused.getBody()).isEqualTo(400);
			softly.assertThat(String.valueOf(refused.getBody())).as("%s %s names the field", where, violation)
				.contains(violation.label());
			var webapp = session(user).webapp("POST",
					WebSession.WEBAPP_ENGINE + "/task/" + task.getId() + "/submit-form", body);
			softly.assertThat(webapp.statusCode()).as("%s %s via the webapps: %s", where, violation, webapp.body())
				.isEqualTo(400);
			softly.assertThat(webapp.body()).as("%s %s names the field via the webapps", where, violation)
				.contains(violation.label());
			tried++;
		}
		softly.assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("%s still open", where).isOne();
		softly.assertThat(runtimeService.getVariables(instance)).as("%s variables unchanged", where).isEqualTo(before);
		return tried;
	}

	private int tryStart(SoftAssertions softly, ProcessDefinition definition, String form) {
		long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(definition.getKey()).count();
		int tried = 0;
		for (Violation violation : FormConstraints.of(form).violations()) {
			String body = StaffApi.completion(violation.submission());
			ResponseEntity<Map<String, Object>> refused = StaffApi.call(rest, "receptionist", HttpMethod.POST,
					"/engine-rest/process-definition/" + definition.getId() + "/submit-form", body);
			softly.assertThat(refused.getStatusCode().value()).as("%s start %s: %s", definition.getKey(), violation,
					refused.getBody()).isEqualTo(400);
			softly.assertThat(String.valueOf(refused.getBody())).contains(violation.label());
			var webapp = session("receptionist").webapp("POST",
					WebSession.WEBAPP_ENGINE + "/process-definition/" + definition.getId() + "/submit-form", body);
			softly.assertThat(webapp.statusCode()).as("%s start %s via the webapps: %s", definition.getKey(), violation,
					webapp.body()).isEqualTo(400);
			tried++;
		}
		softly.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(definition.getKey()).count())
			.as("no %s started", definition.getKey()).isEqualTo(instances);
		return tried;
	}

	/** By process key: a record whose listeners find it (a repair, its return visit, a decoration). */
	private Map<String, String> businessKeysOfRealRecords() {
		String repair = businessKey(openTasks.serviceRequest());
		return Map.of("ServiceRequestProcess", repair, ReturnVisitProcess.KEY, ReturnVisitProcess.businessKey(repair),
				"DecorationApprovalProcess", businessKey(openTasks.decoration()));
	}

	private String businessKey(OpenTask task) {
		return runtimeService.createProcessInstanceQuery()
			.processInstanceId(task.processInstanceId())
			.singleResult()
			.getBusinessKey();
	}

	/** An instance waiting in the task, started by the system with the variables its expressions read; null if it cannot be. */
	private String openBefore(ProcessDefinition definition, String businessKey, String activityId) {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("department", "engineering");
		variables.put("firstResponseMinutes", 60);
		variables.put("resolutionHours", 24);
		variables.put("dueOn", today.plusDays(7).toString());
		variables.put("validTo", new Date(System.currentTimeMillis() + 4 * 3_600_000L));
		variables.put("dutyGroup", "security");
		// a round of tomorrow: its overdue timer never fires while the test runs, even near midnight
		variables.put("roundDate", today.plusDays(1).toString());
		variables.put("endTime", "23:59");
		variables.put("supervisorGroup", "manager");
		variables.put("approverGroup", "manager");
		variables.put("reviewGroup", "manager");
		variables.put("moveOutGroup", "manager");
		variables.put("staffId", "receptionist");
		variables.put("post", "reception");
		variables.put("rectifyBy", today.plusDays(3).toString());
		variables.put("plannedEnd", today.plusDays(10).toString());
		variables.put("handler", "engineer");
		variables.put("attempts", 0);
		try {
			return runtimeService.createProcessInstanceById(definition.getId())
				.businessKey(businessKey)
				.startBeforeActivity(activityId)
				.setVariables(variables)
				.execute()
				.getId();
		}
		catch (RuntimeException cannotStartThere) {
			return null;
		}
	}

	private String candidateGroup(Task task) {
		List<String> groups = new ArrayList<>();
		for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
		}
		return groups.get(0);
	}

	private WebSession session(String user) {
		return sessions.computeIfAbsent(user, u -> WebSession.loggedIn(port, u));
	}

}
