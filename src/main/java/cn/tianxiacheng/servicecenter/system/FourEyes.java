package cn.tianxiacheng.servicecenter.system;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentBpmnModelInstanceCmd;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.security.access.AccessDeniedException;

/**
 * Four eyes, as the models declare it on their user tasks (Camunda extension properties):
 * <ul>
 * <li>{@code approval} names the process variable that holds the login id of the person whose
 * request (or sheet) the task decides, set by the application when it starts the process; that
 * person, and whoever started the process, may neither claim, be given nor complete the task;</li>
 * <li>{@code personal=true}: only the person the model assigns the task to ({@code camunda:assignee})
 * may hold and complete it; it cannot be claimed by, handed or delegated to anyone else.</li>
 * </ul>
 * Staff cannot write these variables: the guard takes only a form's declared fields.
 */
final class FourEyes {

	static final String APPROVAL = "approval";

	static final String PERSONAL = "personal";

	private record Rule(String requesterVariable, boolean personal) {

		static final Rule NONE = new Rule(null, false);

	}

	private final Map<String, Map<String, Rule>> rulesByDefinition = new ConcurrentHashMap<>();

	/** The one who works the task (claims, completes, fills it in) is neither its requester nor someone else than its named person. */
	void checkWorker(CommandContext context, TaskEntity task, String userId) {
		Rule rule = rule(context, task);
		if (rule.requesterVariable() != null && isRequester(context, task, rule.requesterVariable(), userId)) {
			throw new AccessDeniedException("审批须由申请人以外的人办理：您是此事项的申请人（或当事人），不能审批自己的事项");
		}
		if (rule.personal() && !userId.equals(namedPerson(task))) {
			throw new AccessDeniedException("此任务须由本人办理，不能由他人领取、转交或代办");
		}
	}

	/** A task handed to {@code userId} (a claim or the manager's reassignment): to whom may work it; to nobody, always. */
	void checkHandedTo(CommandContext context, TaskEntity task, String userId) {
		if (userId != null) {
			checkWorker(context, task, userId);
		}
	}

	private static boolean isRequester(CommandContext context, TaskEntity task, String variable, String userId) {
		HistoricProcessInstanceEventEntity instance = context.getHistoricProcessInstanceManager()
			.findHistoricProcessInstance(task.getProcessInstanceId());
		if (instance != null && userId.equals(instance.getStartUserId())) {
			return true;
		}
		return userId.equals(Objects.toString(task.getExecution().getVariable(variable), null));
	}

	private static String namedPerson(TaskEntity task) {
		Expression assignee = task.getTaskDefinition().getAssigneeExpression();
		return assignee == null ? null : Objects.toString(assignee.getValue(task.getExecution()), null);
	}

	private Rule rule(CommandContext context, TaskEntity task) {
		if (task.getProcessDefinitionId() == null) {
			return Rule.NONE;
		}
		return rulesByDefinition.computeIfAbsent(task.getProcessDefinitionId(), definitionId -> rules(
				context.runWithoutAuthorization(new GetDeploymentBpmnModelInstanceCmd(definitionId))))
			.getOrDefault(task.getTaskDefinitionKey(), Rule.NONE);
	}

	private static Map<String, Rule> rules(BpmnModelInstance model) {
		return model.getModelElementsByType(UserTask.class)
			.stream()
			.collect(Collectors.toMap(UserTask::getId, task -> new Rule(ModelProperties.of(task, APPROVAL).orElse(null),
					ModelProperties.of(task, PERSONAL).map(Boolean::parseBoolean).orElse(false))));
	}

}
