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

	private void ensure(String name, int priority, String description, TaskQuery query, List<StaffGroup> readers) {
		Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
		if (filter == null) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("priority", priority);
			properties.put("description", description);
			properties.put("refresh", true);
			properties.put("showUndefinedVariable", false);
			filter = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
			filterService.saveFilter(filter);
		}
		authorizations.allowRead(Resources.FILTER, filter.getId(), readers);
	}

}
