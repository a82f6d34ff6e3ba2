package cn.tianxiacheng.servicecenter.system;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Where a record's process stands: its open tasks, who holds each (a group's queue or a named
 * person) and by when, read for the record's page, whoever may open that page. The manager, the
 * lead of the task's group or its holder hands a task on to a member of the groups it was given to,
 * or back to their queue; the engine's guard checks who and to whom.
 */
@Component
@NamedInterface("engine")
public class CurrentSteps {

	/** An open task of a record: 办理环节, 办理岗位, 办理人 (or none: in the queue), 期限. */
	@NamedInterface("engine")
	public record Step(String taskId, String name, List<String> groupIds, String holderId, String holderName,
			Instant due, boolean overdue) {

		public String groups() {
			return String.join("、", StaffGroup.labels(groupIds));
		}

		/** 王丽（接待员）, or 接待员待领取. */
		public String holder() {
			return holderId == null ? groups() + "待领取" : holderName + (groupIds.isEmpty() ? "" : "（" + groups() + "）");
		}

	}

	/** Business keys in one query's {@code in} list: far below every database's limit. */
	private static final int KEYS_PER_QUERY = 500;

	/** Someone a task may be handed to. */
	@NamedInterface("engine")
	public record Colleague(String id, String name) {
	}

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	private final EngineAsSystem asSystem;

	private final StaffNames staffNames;

	private final Clock clock;

	CurrentSteps(TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
			EngineAsSystem asSystem, StaffNames staffNames, Clock clock) {
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.asSystem = asSystem;
		this.staffNames = staffNames;
		this.clock = clock;
	}

	public List<Step> of(String businessKey) {
		return ofAll(List.of(businessKey)).getOrDefault(businessKey, List.of());
	}

	/** The open steps of many records at once (a page of a list, an export), by business key. */
	public Map<String, List<Step>> ofAll(Collection<String> businessKeys) {
		List<String> keys = List.copyOf(businessKeys);
		Map<String, List<Step>> steps = new LinkedHashMap<>();
		for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
			steps.putAll(ofSome(keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY))));
		}
		return steps;
	}

	/** Read as the system, for whom the page is, in the estate they work in now. */
	private Map<String, List<Step>> ofSome(List<String> businessKeys) {
		Predicate<Task> seen = task -> TenantScope.callerSees(identityService, task.getTenantId());
		return asSystem.call(() -> {
			List<Task> tasks = taskService.createTaskQuery()
				.processInstanceBusinessKeyIn(businessKeys.toArray(String[]::new))
				.orderByTaskCreateTime()
				.asc()
				.list()
				.stream()
				.filter(seen)
				.toList();
			Map<String, List<Step>> steps = new LinkedHashMap<>();
			if (tasks.isEmpty()) {
				return steps;
			}
			Map<String, String> businessKeyByInstance = runtimeService.createProcessInstanceQuery()
				.processInstanceIds(tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
				.list()
				.stream()
				.collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
			for (Task task : tasks) {
				steps.computeIfAbsent(businessKeyByInstance.get(task.getProcessInstanceId()), key -> new ArrayList<>())
					.add(step(task));
			}
			return steps;
		});
	}

	/**
	 * The members of the groups the task was given to who work in its estate, by name: whom the
	 * manager may hand it to.
	 */
	public List<Colleague> colleagues(String taskId) {
		return asSystem.call(() -> candidateGroups(taskId).stream()
			.flatMap(group -> inEstateOf(taskId, identityService.createUserQuery().memberOfGroup(group)).list().stream())
			.map(User::getId)
			.distinct()
			.map(id -> new Colleague(id, staffNames.of(id)))
			.sorted(Comparator.comparing(Colleague::name))
			.toList());
	}

	/**
	 * Hands the task on, as the signed-in staff member: to a member of its groups, or back to their
	 * queue ({@code to} empty). The engine's guard decides who may and to whom ({@link StaffGroup#mayHandOn}).
	 */
	public void handOn(String taskId, String to) {
		taskService.setAssignee(taskId, to == null || to.isBlank() ? null : to);
	}

	/** Whether this person may hand the step on: the page offers them the names of its group. */
	public boolean mayHandOn(Step step, Staff staff) {
		return StaffGroup.mayHandOn(staff.id(), staff.groupIds(), step.holderId(), step.groupIds());
	}

	private Step step(Task task) {
		List<String> groups = candidateGroups(task.getId());
		Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
		return new Step(task.getId(), task.getName(), groups, task.getAssignee(), staffNames.of(task.getAssignee()), due,
				due != null && due.isBefore(clock.instant()));
	}

	private UserQuery inEstateOf(String taskId, UserQuery users) {
		String tenant = taskService.createTaskQuery().taskId(taskId).singleResult().getTenantId();
		return tenant == null ? users : users.memberOfTenant(tenant);
	}

	private List<String> candidateGroups(String taskId) {
		return taskService.getIdentityLinksForTask(taskId)
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.filter(Objects::nonNull)
			.toList();
	}

}
