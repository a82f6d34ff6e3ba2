package cn.tianxiacheng.servicecenter.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.OpenTasks.OpenTask;
import cn.tianxiacheng.servicecenter.OpenTasks;
import cn.tianxiacheng.servicecenter.StaffApi;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * What the tests of who may decide share: an open task of any process, and the one route left
 * around the group that owns a decision: the administrator replaces the process by one started
 * mid-way with the decision in its variables, and the step that would act on it fails as an
 * incident.
 */
abstract class DecisionTestSupport extends IntegrationTestSupport {

	@Autowired
	OpenTasks openTasks;

	/**
	 * The administrator deletes the task's process and starts it again, with the same business
	 * key, before {@code activityId} and with {@code variables} (a JSON object of Camunda's REST
	 * API); the new process instance's id.
	 */
	String startMidway(OpenTask task, String variables, String activityId) {
		String businessKey = businessKey(task);
		runtimeService.deleteProcessInstance(task.processInstanceId(), "test: replaced by a forged start");
		var forged = StaffApi.call(rest, "admin", HttpMethod.POST,
				"/engine-rest/process-definition/key/" + task.processKey() + "/start",
				"{\"businessKey\":\"" + businessKey + "\",\"variables\":" + variables + ",\"startInstructions\":[{"
						+ "\"type\":\"startBeforeActivity\",\"activityId\":\"" + activityId + "\"}]}");
		assertThat(forged.getStatusCode()).as("the administrator may start mid-way").isEqualTo(HttpStatus.OK);
		return (String) forged.getBody().get("id");
	}

	/**
	 * The manager's hand-on of the task to someone outside its groups is refused (400); the test
	 * then gives it to that person directly, as a task held from before that rule would be, so that
	 * the completion's own check is tried too.
	 */
	void handOutsideItsGroups(String taskId, String outsider) {
		handOutsideItsGroups(taskId, "manager", outsider);
	}

	/** As {@link #handOutsideItsGroups(String, String)}, by the manager of the task's estate. */
	void handOutsideItsGroups(String taskId, String manager, String outsider) {
		assertThat(StaffApi.call(rest, manager, HttpMethod.POST, "/engine-rest/task/" + taskId + "/assignee",
				"{\"userId\":\"" + outsider + "\"}").getStatusCode()).as("a hand-on outside the task's groups")
			.isEqualTo(HttpStatus.BAD_REQUEST);
		taskService.setAssignee(taskId, outsider);
	}

	/** The failed job of the process instance, waited for up to 20 seconds. */
	Job awaitFailure(String processInstanceId) {
		long deadline = System.currentTimeMillis() + 20_000;
		while (System.currentTimeMillis() < deadline) {
			List<Job> failed = managementService.createJobQuery().processInstanceId(processInstanceId).withException()
				.list();
			if (!failed.isEmpty()) {
				return failed.get(0);
			}
			sleep();
		}
		throw new AssertionError("the forged decision was not refused");
	}

	/** The business key of the task's process, while it runs. */
	String businessKey(OpenTask task) {
		return runtimeService.createProcessInstanceQuery().processInstanceId(task.processInstanceId()).singleResult()
			.getBusinessKey();
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
