package cn.tianxiacheng.servicecenter.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.HistoricTaskInstanceQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * One claim per case: a user task that declares
 * {@code <camunda:property name="sameHandlerAs" value="Task_CheckDocuments,Task_SupplyDocuments"/>}
 * is given, when it is created, to whoever completed the latest of those tasks in the same process
 * instance, as the engine's own history of those tasks records it (never a variable, which staff
 * could write). The first time round, with none of them done, it waits in its group's queue. The
 * person may hand it back to the queue or on to a colleague ({@link StaffGroup#mayHandOn}).
 */
@Component
class SameHandlerPlugin extends AbstractProcessEnginePlugin {

	static final String PROPERTY = "sameHandlerAs";

	private static final int MAX_ROUNDS = 1000;

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = new ArrayList<>();
		if (configuration.getCustomPostBPMNParseListeners() != null) {
			listeners.addAll(configuration.getCustomPostBPMNParseListeners());
		}
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
				List<String> previous = previousTasks(userTask);
				if (!previous.isEmpty()) {
					((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
						.addTaskListener(TaskListener.EVENTNAME_CREATE, new SameHandler(previous));
				}
			}
		});
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

	private static List<String> previousTasks(Element userTask) {
		Element extensions = userTask.element("extensionElements");
		Element properties = extensions == null ? null
				: extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
		if (properties == null) {
			return List.of();
		}
		return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")
			.stream()
			.filter(property -> PROPERTY.equals(property.attribute("name")))
			.flatMap(property -> Arrays.stream(property.attribute("value").split(",")))
			.map(String::strip)
			.filter(id -> !id.isEmpty())
			.toList();
	}

	private record SameHandler(List<String> previous) implements TaskListener {

		@Override
		public void notify(DelegateTask task) {
			if (task.getAssignee() != null) {
				return;
			}
			CommandContext context = Context.getCommandContext();
			HistoricTaskInstanceQueryImpl query = new HistoricTaskInstanceQueryImpl();
			query.processInstanceId(task.getProcessInstanceId()).taskDefinitionKeyIn(previous.toArray(String[]::new));
			List<HistoricTaskInstance> stored = context.runWithoutAuthorization(() -> context
				.getHistoricTaskInstanceManager()
				.findHistoricTaskInstancesByQueryCriteria(query, new Page(0, MAX_ROUNDS)));
			Map<String, HistoricTaskInstanceEventEntity> endedNow = context.getDbEntityManager()
				.getCachedEntitiesByType(HistoricTaskInstanceEventEntity.class)
				.stream()
				.collect(Collectors.toMap(HistoricTaskInstanceEventEntity::getId, ended -> ended, (a, b) -> b));
			stored.stream()
				.map(row -> endedNow.containsKey(row.getId()) ? Done.of(endedNow.get(row.getId())) : Done.of(row))
				.filter(done -> TaskEntity.DELETE_REASON_COMPLETED.equals(done.reason()) && done.assignee() != null)
				.max(Comparator.comparing(Done::end).thenComparing(Done::start))
				.ifPresent(done -> task.setAssignee(done.assignee()));
		}

	}

	/**
	 * A previous task as the history holds it; the one completed in this very command is still open
	 * in the database, ended only in the engine's cache of this command's history events.
	 */
	private record Done(String assignee, String reason, Date start, Date end) {

		static Done of(HistoricTaskInstanceEventEntity ended) {
			return new Done(ended.getAssignee(), ended.getDeleteReason(), ended.getStartTime(), ended.getEndTime());
		}

		static Done of(HistoricTaskInstance row) {
			return new Done(row.getAssignee(), row.getDeleteReason(), row.getStartTime(), row.getEndTime());
		}

	}

}
