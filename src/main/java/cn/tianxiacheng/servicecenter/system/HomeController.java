package cn.tianxiacheng.servicecenter.system;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 工作台: each person's home, with their counts (my tasks, my groups' queue, overdue, due today,
 * and for the manager the failed steps waiting) and links to only what their groups use.
 */
@Controller
class HomeController {

	private final TaskService taskService;

	private final FilterService filterService;

	private final HistoryService historyService;

	private final EngineAsSystem engineAsSystem;

	private final ProcessIncidents incidents;

	private final StaffNames staffNames;

	private final List<WorkbenchNotes> notes;

	private final Clock clock;

	private final DemoHistory demoHistory;

	HomeController(TaskService taskService, FilterService filterService, HistoryService historyService, EngineAsSystem engineAsSystem,
			ProcessIncidents incidents, StaffNames staffNames, List<WorkbenchNotes> notes, Clock clock,
			DemoHistory demoHistory) {
		this.notes = notes;
		this.demoHistory = demoHistory;
		this.taskService = taskService;
		this.filterService = filterService;
		this.historyService = historyService;
		this.engineAsSystem = engineAsSystem;
		this.incidents = incidents;
		this.staffNames = staffNames;
		this.clock = clock;
	}

	record Counts(long mine, long queue, long overdue, long dueToday) {
	}

	/** Where each count opens in Tasklist: the shared filter that lists the same tasks. */
	record CountLinks(String mine, String queue, String overdue, String dueToday) {
	}

	/** A task this person held that left their list without their completing it, and where the case is now. */
	record MovedTask(String caseNumber, String taskName, LocalDateTime movedAt, List<String> nowAt) {
	}

	/** {@code ?wait=8}: the throttle held the login; the page says how long to wait. */
	@GetMapping("/login")
	String login(@RequestParam(name = "wait", required = false) String wait, Model model) {
		if (wait != null && wait.matches("\\d{1,5}")) {
			model.addAttribute("waitSeconds", Integer.parseInt(wait));
		}
		return "login";
	}

	/** The counts come from the engine under the user's own authorizations: what they may see. */
	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		Staff staff = Staff.of(authentication);
		Set<String> groups = staff.groupIds();
		List<String> groupIds = List.copyOf(groups);
		Date now = Date.from(clock.instant());
		Date endOfToday = Date.from(LocalDate.now(clock).plusDays(1).atStartOfDay(clock.getZone()).toInstant());
		model.addAttribute("name", staffNames.of(staff.id()));
		model.addAttribute("groups", Arrays.stream(StaffGroup.values())
			.filter(group -> groups.contains(group.id()))
			.map(StaffGroup::label)
			.toList());
		model.addAttribute("counts", new Counts(taskService.createTaskQuery().taskAssignee(staff.id()).count(),
				groupIds.isEmpty() ? 0
						: taskService.createTaskQuery().taskCandidateGroupIn(groupIds).taskUnassigned().count(),
				overdue(staff.id(), groupIds, now).count(),
				taskService.createTaskQuery().taskAssignee(staff.id()).dueAfter(now).dueBefore(endOfToday).count()));
		String myTasks = tasklist(TasklistFilters.MY_TASKS);
		model.addAttribute("countLinks", new CountLinks(myTasks, tasklist(StaffGroup.workGroups()
			.stream()
			.filter(group -> groups.contains(group.id()))
			.findFirst()
			.map(group -> TasklistFilters.QUEUE_PREFIX + group.label())
			.orElse(TasklistFilters.MY_TASKS)), tasklist(TasklistFilters.OVERDUE), myTasks));
		model.addAttribute("moved", staff.estate() == null ? List.of() : movedTasks(staff.id(), staff.estate().code()));
		model.addAttribute("notes", notes.stream().flatMap(source -> source.notesFor(staff).stream()).toList());
		model.addAttribute("worksCases", staff.isIn(StaffGroup.RECEPTION, StaffGroup.MANAGER));
		model.addAttribute("collects", staff.isIn(StaffGroup.CASHIER, StaffGroup.RECEPTION, StaffGroup.MANAGER));
		model.addAttribute("movesIn", staff.isIn(StaffGroup.RECEPTION));
		model.addAttribute("incidents", staff.isIn(StaffGroup.MANAGER) ? incidents.count(staff) : null);
		model.addAttribute("seesCockpit", staff.isIn(StaffGroup.MANAGER, StaffGroup.DIRECTOR, StaffGroup.AUDITOR,
				StaffGroup.ADMIN));
		model.addAttribute("seesAdmin", staff.isIn(StaffGroup.ADMIN));
		model.addAttribute("demoProgress", demoHistory.progress().orElse(null));
		return "home";
	}

	/** The tasks of the filter "已逾期": mine or my groups', past due. */
	private TaskQuery overdue(String staffId, List<String> groupIds, Date now) {
		TaskQuery query = taskService.createTaskQuery().dueBefore(now);
		return groupIds.isEmpty() ? query.taskAssignee(staffId)
				: query.or().taskAssignee(staffId).taskCandidateGroupIn(groupIds).endOr();
	}

	/** Tasklist opened on the named filter, as far as this person may read it. */
	private String tasklist(String filterName) {
		Filter filter = filterService.createFilterQuery().filterName(filterName).singleResult();
		return "/camunda/app/tasklist/default/" + (filter == null ? "" : "#/?filter=" + filter.getId());
	}

	/**
	 * Tasks held by this person that an interrupting timer (an escalation) or another's action
	 * ended in the last week: Camunda gives a task ended that way the delete reason "deleted".
	 * Read as the system because reception may not read history, restricted to their own tasks in
	 * the estate they work in now.
	 */
	private List<MovedTask> movedTasks(String staffId, String tenant) {
		Date weekAgo = Date.from(clock.instant().minus(Duration.ofDays(7)));
		List<MovedTask> moved = new ArrayList<>(endedByOthers(staffId, tenant, weekAgo));
		moved.addAll(handedOn(staffId, tenant, weekAgo));
		moved.sort(Comparator.comparing(MovedTask::movedAt).reversed());
		return moved.subList(0, Math.min(10, moved.size()));
	}

	private List<MovedTask> endedByOthers(String staffId, String tenant, Date weekAgo) {
		return engineAsSystem.call(() -> historyService.createHistoricTaskInstanceQuery()
			.taskAssignee(staffId)
			.finished()
			.taskDeleteReason("deleted")
			.finishedAfter(weekAgo)
			.orderByHistoricTaskInstanceEndTime()
			.desc()
			.listPage(0, 500)
			.stream()
			.filter(task -> TenantScope.shows(task.getTenantId(), tenant))
			.limit(10)
			.map(task -> new MovedTask(businessKey(task.getProcessInstanceId()), task.getName(),
					LocalDateTime.ofInstant(task.getEndTime().toInstant(), clock.getZone()),
					taskService.createTaskQuery()
						.processInstanceId(task.getProcessInstanceId())
						.list()
						.stream()
						.map(Task::getName)
						.toList()))
			.toList());
	}

	/**
	 * Tasks the manager or their group's lead handed from this person to someone else (or back to
	 * the queue) in the last week, from the engine's operation log: the person is told where each went.
	 */
	private List<MovedTask> handedOn(String staffId, String tenant, Date weekAgo) {
		return engineAsSystem.call(() -> historyService.createUserOperationLogQuery()
			.operationType(UserOperationLogEntry.OPERATION_TYPE_ASSIGN)
			.property("assignee")
			.afterTimestamp(weekAgo)
			.orderByTimestamp()
			.desc()
			.listPage(0, 500)
			.stream()
			.filter(entry -> staffId.equals(entry.getOrgValue()) && !staffId.equals(entry.getNewValue())
					&& TenantScope.shows(entry.getTenantId(), tenant))
			.limit(10)
			.map(entry -> new MovedTask(businessKey(entry.getProcessInstanceId()), taskName(entry.getTaskId()),
					LocalDateTime.ofInstant(entry.getTimestamp().toInstant(), clock.getZone()),
					List.of(entry.getNewValue() == null ? "已退回岗位队列" : "已转交给" + staffNames.of(entry.getNewValue()))))
			.toList());
	}

	private String taskName(String taskId) {
		var task = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
		return task == null ? "" : task.getName();
	}

	private String businessKey(String processInstanceId) {
		HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		return instance == null ? null : instance.getBusinessKey();
	}

}
