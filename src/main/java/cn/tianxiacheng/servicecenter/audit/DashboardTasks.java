package cn.tianxiacheng.servicecenter.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.system.StaffGroup;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.springframework.jdbc.core.JdbcTemplate;
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

	private static final String FROM = """
			  from ACT_RU_TASK t left join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
			  left join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_
			 where 1 = 1""";

	private final JdbcTemplate jdbc;

	private final AuditSearch search;

	private final StaffNames staffNames;

	private final Clock clock;

	DashboardTasks(JdbcTemplate jdbc, AuditSearch search, StaffNames staffNames, Clock clock) {
		this.jdbc = jdbc;
		this.search = search;
		this.staffNames = staffNames;
		this.clock = clock;
	}

	long count(Which which) {
		List<Object> params = new ArrayList<>();
		return jdbc.queryForObject("select count(*)" + FROM + where(which, null, null, params), Long.class,
				params.toArray());
	}

	/** The tasks of a figure, or a person's, or a group's unclaimed queue; the earliest due first. */
	List<Row> list(Which which, String assignee, String group) {
		List<Object> params = new ArrayList<>();
		String where = where(which, assignee, group, params);
		Map<String, String> kinds = search.kinds();
		Instant now = clock.instant();
		return jdbc.query("""
				select t.ID_, t.NAME_, e.BUSINESS_KEY_, d.KEY_, t.ASSIGNEE_, t.DUE_DATE_,
				       (select min(i.GROUP_ID_) from ACT_RU_IDENTITYLINK i where i.TASK_ID_ = t.ID_ and i.TYPE_ = 'candidate')
				""" + FROM + where + " order by case when t.DUE_DATE_ is null then 1 else 0 end, t.DUE_DATE_, t.CREATE_TIME_",
				(rs, i) -> {
					Timestamp due = rs.getTimestamp(6);
					String assigned = rs.getString(5);
					String candidate = rs.getString(7);
					String holder = assigned != null ? staffNames.of(assigned)
							: candidate != null ? StaffGroup.labelOf(candidate) + "（待领取）" : "—";
					return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							kinds.getOrDefault(rs.getString(4), rs.getString(4)), holder,
							due == null ? null : due.toInstant(), due != null && due.toInstant().isBefore(now));
				}, params.toArray());
	}

	private String where(Which which, String assignee, String group, List<Object> params) {
		StringBuilder where = new StringBuilder();
		if (which == Which.OVERDUE) {
			where.append(" and t.DUE_DATE_ < ?");
			params.add(Timestamp.from(clock.instant()));
		}
		else if (which == Which.TODAY) {
			where.append(" and t.DUE_DATE_ >= ? and t.DUE_DATE_ < ?");
			params.add(Timestamp.from(clock.instant()));
			params.add(Timestamp.from(LocalDate.now(clock).plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
		}
		else if (which == Which.ESCALATIONS) {
			where.append(" and (").append(ESCALATION_TASKS.entrySet().stream().map(entry -> {
				params.add(entry.getKey());
				params.addAll(entry.getValue());
				return "(d.KEY_ = ? and t.TASK_DEF_KEY_ in ("
						+ entry.getValue().stream().map(key -> "?").collect(Collectors.joining(", ")) + "))";
			}).collect(Collectors.joining(" or "))).append(")");
		}
		if (assignee != null && !assignee.isBlank()) {
			where.append(" and t.ASSIGNEE_ = ?");
			params.add(assignee.strip());
		}
		if (group != null && !group.isBlank()) {
			where.append(" and t.ASSIGNEE_ is null and exists (select 1 from ACT_RU_IDENTITYLINK i"
					+ " where i.TASK_ID_ = t.ID_ and i.TYPE_ = 'candidate' and i.GROUP_ID_ = ?)");
			params.add(group.strip());
		}
		return where.toString();
	}

}
