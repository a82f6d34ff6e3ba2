package cn.tianxiacheng.servicecenter.estate;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * 办理中的流程 of a unit: every process carries the unit's number ({@code unitNumber}), so the
 * unit page lists what is open for it and where each one waits, whatever module started it, in the
 * unit's estate (its engine tenant).
 */
@Component
class RunningProcesses implements UnitPageSection {

	private static final int MAX_ROWS = 50;

	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final RepositoryService repositoryService;

	private final EngineAsSystem asSystem;

	private final ZoneId zone;

	RunningProcesses(RuntimeService runtimeService, TaskService taskService, RepositoryService repositoryService,
			EngineAsSystem asSystem, Clock clock) {
		this.asSystem = asSystem;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.repositoryService = repositoryService;
		this.zone = clock.getZone();
	}

	/**
	 * Read as the system: the page is for every staff member, who may not read the tasks of other
	 * groups in the engine but may know that the unit's complaint waits for 首次响应.
	 */
	@Override
	public Table of(Unit unit) {
		return asSystem.call(() -> table(unit));
	}

	private Table table(Unit unit) {
		List<ProcessInstance> instances = runtimeService.createProcessInstanceQuery()
			.tenantIdIn(unit.getBuilding().getEstate().getCode())
			.variableValueEquals("unitNumber", unit.getNumber())
			.listPage(0, MAX_ROWS);
		Map<String, String> names = instances.isEmpty() ? Map.of()
				: repositoryService.createProcessDefinitionQuery()
					.processDefinitionIdIn(instances.stream().map(ProcessInstance::getProcessDefinitionId).toArray(String[]::new))
					.list()
					.stream()
					.collect(Collectors.toMap(ProcessDefinition::getId, ProcessDefinition::getName));
		List<Row> rows = instances.stream().map(instance -> {
			List<Task> waiting = taskService.createTaskQuery().processInstanceId(instance.getId()).list();
			String where = waiting.isEmpty() ? "系统处理中"
					: waiting.stream().map(Task::getName).collect(Collectors.joining("、"));
			String due = waiting.stream().map(Task::getDueDate).filter(Objects::nonNull).min(Date::compareTo)
				.map(date -> DUE.format(date.toInstant().atZone(zone))).orElse("");
			return new Row(List.of(names.getOrDefault(instance.getProcessDefinitionId(), ""),
					instance.getBusinessKey() == null ? "" : instance.getBusinessKey(), where, due), null);
		}).toList();
		return new Table("办理中的流程", List.of("流程", "编号", "当前环节", "到期"), rows, null, "没有办理中的流程");
	}

	@Override
	public int order() {
		return 30;
	}

}
