package cn.tianxiacheng.servicecenter.system;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters staff work from, created once by name: "我的任务", one
 * "待领取" queue per group that receives work, "已逾期", and "全部待办" for those who supervise
 * or audit. Each is readable only by the groups it is for.
 */
@Component
class TasklistFilters {

	static final String MY_TASKS = "我的任务";

	static final String OVERDUE = "已逾期";

	static final String ALL_OPEN = "全部待办";

	static final String QUEUE_PREFIX = "待领取 · ";

	/** The process variables each task card shows, with their Chinese labels. */
	private static final List<Map<String, String>> CARD_VARIABLES = List.of(
			Map.of("name", "caseNumber", "label", "编号"), Map.of("name", "unitNumber", "label", "房号"),
			Map.of("name", "category", "label", "类别"), Map.of("name", "urgencyLabel", "label", "紧急程度"));

	private final FilterService filterService;

	private final TaskService taskService;

	private final CamundaAuthorizations authorizations;

	TasklistFilters(FilterService filterService, TaskService taskService, CamundaAuthorizations authorizations) {
		this.filterService = filterService;
		this.taskService = taskService;
		this.authorizations = authorizations;
	}

	void ensureFilters() {
		List<StaffGroup> allStaff = Arrays.asList(StaffGroup.values());
		ensure(MY_TASKS, -10, "分配给我的任务", taskService.createTaskQuery()
			.taskAssigneeExpression("${currentUser()}")
			.orderByDueDate()
			.asc(), allStaff);
		int priority = 0;
		for (StaffGroup group : StaffGroup.workGroups()) {
			ensure(QUEUE_PREFIX + group.label(), priority++, group.label() + "待领取的任务，按到期时间排序",
					taskService.createTaskQuery()
						.taskCandidateGroup(group.id())
						.taskUnassigned()
						.orderByDueDate()
						.asc(),
					List.of(group));
		}
		ensure(OVERDUE, 50, "已过到期时间、属于我或我的组的任务", taskService.createTaskQuery()
			.or()
			.taskAssigneeExpression("${currentUser()}")
			.taskCandidateGroupInExpression("${currentUserGroups()}")
			.endOr()
			.dueBeforeExpression("${now()}")
			.orderByDueDate()
			.asc(), allStaff);
		ensure(ALL_OPEN, 60, "所有未完成的任务", taskService.createTaskQuery().orderByDueDate().asc(),
				List.of(StaffGroup.MANAGER, StaffGroup.DIRECTOR, StaffGroup.AUDITOR));
	}

	/**
	 * Creates the filter, or brings an existing one's card columns up to date: every card shows
	 * the case number, unit, category and urgency (in Chinese) of its task, not the engine's
	 * priority number, and the search box finds tasks by them.
	 */
	private void ensure(String name, int priority, String description, TaskQuery query, List<StaffGroup> readers) {
		Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("priority", priority);
		properties.put("description", description);
		properties.put("refresh", true);
		properties.put("showUndefinedVariable", false);
		properties.put("variables", CARD_VARIABLES);
		if (filter == null) {
			filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
			filterService.saveFilter(filter);
		}
		else if (!properties.equals(filter.getProperties())) {
			filterService.saveFilter(filter.setProperties(properties));
		}
		authorizations.allowRead(Resources.FILTER, filter.getId(), readers);
	}

}
