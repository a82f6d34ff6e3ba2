package cn.tianxiacheng.servicecenter.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.system.OpenWork;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.springframework.stereotype.Component;

/**
 * The open tasks behind the dashboard's task counts, each count and its list from one query:
 * overdue, due later today, escalations waiting for the manager, one person's, a group's queue.
 */
@Component
class DashboardTasks {

	/** Which tasks: the figure a count stands for. */
	enum Which {

		OVERDUE("已逾期的任务"), TODAY("今日到期的任务"), ESCALATIONS("等经理处理的升级");

		private final String label;

		Which(String label) {
			this.label = label;
		}

		String label() {
			return label;
		}

	}

	/**
	 * Work that came up to the manager because the front line could not settle it or a deadline
	 * passed (process, task); the manager's approvals and evaluations are not escalations.
	 */
	static final Map<String, List<String>> ESCALATION_TASKS = Map.of(
			"ComplaintProcess", List.of("Task_ManagerHandles"),
			"ServiceRequestProcess", List.of("Task_ChaseAppointment", "Task_ChaseWork"),
			"ReturnVisitProcess", List.of("Task_ManagerFollowUp"),
			"FeeDunningProcess", List.of("Task_ManagerFollowUp"),
			"InspectionRoundProcess", List.of("Task_ReviewMissedRound"),
			"DecorationApprovalProcess", List.of("Task_DecideViolation"));

	record Row(String taskId, String taskName, String caseNumber, String kind, String kindName, String holder,
			Instant due, boolean overdue) {
	}

	private final OpenWork openWork;

	private final AuditSearch search;

	private final StaffNames staffNames;

	private final Clock clock;

	DashboardTasks(OpenWork openWork, AuditSearch search, StaffNames staffNames, Clock clock) {
		this.openWork = openWork;
		this.search = search;
		this.staffNames = staffNames;
		this.clock = clock;
	}

	long count(String tenantId, Which which) {
		return openWork.countTasks(criteria(tenantId, which, null, null));
	}

	/** The tasks of a figure, or a person's, or a group's unclaimed queue, in the estate; the earliest due first. */
	List<Row> list(String tenantId, Which which, String assignee, String group) {
		OpenWork.TaskCriteria criteria = criteria(tenantId, which, assignee, group);
		Map<String, String> kinds = search.kinds();
		Instant now = clock.instant();
		return openWork.tasks(criteria).stream().map(task -> {
			String holder = task.assignee() != null ? staffNames.of(task.assignee())
					: task.candidateGroup() != null ? StaffGroup.labelOf(task.candidateGroup()) + "（待领取）" : "—";
			return new Row(task.taskId(), task.name(), task.businessKey(), task.processKey(),
					kinds.getOrDefault(task.processKey(), task.processKey()), holder, task.due(),
					task.due() != null && task.due().isBefore(now));
		}).toList();
	}

	private OpenWork.TaskCriteria criteria(String tenantId, Which which, String assignee, String group) {
		Instant dueFrom = null;
		Instant dueBefore = null;
		if (which == Which.OVERDUE) {
			dueBefore = clock.instant();
		}
		else if (which == Which.TODAY) {
			dueFrom = clock.instant();
			dueBefore = LocalDate.now(clock).plusDays(1).atStartOfDay(clock.getZone()).toInstant();
		}
		return new OpenWork.TaskCriteria(tenantId, dueFrom, dueBefore, which == Which.ESCALATIONS ? ESCALATION_TASKS : null,
				assignee, group);
	}

}
