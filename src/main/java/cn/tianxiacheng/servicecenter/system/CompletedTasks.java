package cn.tianxiacheng.servicecenter.system;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Who made a decision, from the engine's history: a service task that acts on a decision
 * (approved, documents complete, work done) asks here who completed the user task that
 * recorded it, and the decision counts only when that person belongs to a group the task was
 * given to. Such service tasks run after a transaction boundary ({@code asyncBefore}), so the
 * completion is in history by then.
 */
@Component
@NamedInterface("engine")
public class CompletedTasks {

	private final HistoryService historyService;

	private final IdentityService identityService;

	CompletedTasks(HistoryService historyService, IdentityService identityService) {
		this.historyService = historyService;
		this.identityService = identityService;
	}

	/**
	 * The staff member who last completed the task of this process instance; refuses (an
	 * incident on the service task) when nobody did, or when they were not in its group.
	 */
	public String completedByItsGroup(DelegateExecution execution, String taskDefinitionKey) {
		List<HistoricTaskInstance> completed = historyService.createHistoricTaskInstanceQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(taskDefinitionKey)
			.finished()
			.orderByHistoricTaskInstanceEndTime()
			.desc()
			.listPage(0, 1);
		if (completed.isEmpty() || completed.get(0).getAssignee() == null
				|| !"completed".equals(completed.get(0).getDeleteReason())) {
			throw new DecisionNotMadeException(
					"流程 " + execution.getProcessBusinessKey() + " 的“" + taskDefinitionKey + "”未由经办人办理完毕，决定不算数");
		}
		HistoricTaskInstance task = completed.get(0);
		List<String> groups = historyService.createHistoricIdentityLinkLogQuery()
			.taskId(task.getId())
			.type(IdentityLinkType.CANDIDATE)
			.list()
			.stream()
			.map(HistoricIdentityLinkLog::getGroupId)
			.filter(group -> group != null)
			.distinct()
			.toList();
		boolean member = groups.isEmpty() || groups.stream()
			.anyMatch(group -> identityService.createUserQuery().userId(task.getAssignee()).memberOfGroup(group).count() > 0);
		if (!member) {
			throw new DecisionNotMadeException("流程 " + execution.getProcessBusinessKey() + " 的“" + task.getName() + "”由 "
					+ task.getAssignee() + " 办理，但其不属于" + String.join("、", StaffGroup.labels(groups)) + "，决定不算数");
		}
		return task.getAssignee();
	}

	/** A decision that the history does not back: the service task fails and shows an incident. */
	@NamedInterface("engine")
	public static class DecisionNotMadeException extends RuntimeException {

		DecisionNotMadeException(String message) {
			super(message);
		}

	}

}
