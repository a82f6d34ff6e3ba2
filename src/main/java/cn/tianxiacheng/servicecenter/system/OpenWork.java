package cn.tianxiacheng.servicecenter.system;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The engine's open work of one estate (its engine tenant, and the work of no estate, as the engine's
 * own tenant check shows it), for the dashboard: the process instances under way and the open tasks,
 * counted by process, by group and by person, and listed by due date. It reads Camunda's runtime
 * schema; with {@link EngineHistory} it is the only SQL of the app that names the engine's tables.
 */
@Component
@NamedInterface("engine")
public class OpenWork {

	/** How many of something are open, and how many of them are past their due time. */
	@NamedInterface("engine")
	public record Count(String of, long open, long overdue) {
	}

	/**
	 * Which open tasks; every criterion may be null (or empty) for "any". {@code tasksOfProcesses}:
	 * only these tasks (by process key, their task keys).
	 */
	@NamedInterface("engine")
	public record TaskCriteria(String tenantId, Instant dueFrom, Instant dueBefore, Map<String, List<String>> tasksOfProcesses,
			String assignee, String candidateGroup) {
	}

	/** An open task with its instance's business key, its process and its first candidate group. */
	@NamedInterface("engine")
	public record OpenTask(String taskId, String name, String businessKey, String processKey, String assignee,
			Instant due, String candidateGroup) {
	}

	private static final String TASKS = """
			  from ACT_RU_TASK t left join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
			  left join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_
			 where (t.TENANT_ID_ = ? or t.TENANT_ID_ is null)""";

	private final JdbcTemplate jdbc;

	OpenWork(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The instances the app started (with a business key, not called by another) that are under way. */
	public long instances(String tenantId) {
		Long count = jdbc.queryForObject("""
				select count(*) from ACT_RU_EXECUTION e
				 where e.ID_ = e.PROC_INST_ID_ and e.BUSINESS_KEY_ is not null and e.SUPER_EXEC_ is null
				   and (e.TENANT_ID_ = ? or e.TENANT_ID_ is null)""",
				Long.class, tenantId);
		return count == null ? 0 : count;
	}

	/** Those instances by process key, the most first; overdue: with a task due before the instant. */
	public List<Count> instancesByProcess(String tenantId, Instant now) {
		return jdbc.query("""
				select d.KEY_, count(*),
				       sum(case when exists (select 1 from ACT_RU_TASK t where t.PROC_INST_ID_ = e.ID_ and t.DUE_DATE_ < ?)
				                then 1 else 0 end)
				  from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_
				 where e.ID_ = e.PROC_INST_ID_ and e.BUSINESS_KEY_ is not null and e.SUPER_EXEC_ is null
				   and (e.TENANT_ID_ = ? or e.TENANT_ID_ is null)
				 group by d.KEY_ order by count(*) desc""", (rs, i) -> new Count(rs.getString(1), rs.getLong(2),
				rs.getLong(3)), Timestamp.from(now), tenantId);
	}

	/** The unclaimed tasks by candidate group, the most first. */
	public List<Count> unclaimedByGroup(String tenantId, Instant now) {
		return jdbc.query("""
				select i.GROUP_ID_, count(distinct t.ID_), count(distinct case when t.DUE_DATE_ < ? then t.ID_ end)
				  from ACT_RU_TASK t join ACT_RU_IDENTITYLINK i on i.TASK_ID_ = t.ID_
				 where i.TYPE_ = 'candidate' and i.GROUP_ID_ is not null and t.ASSIGNEE_ is null
				   and (t.TENANT_ID_ = ? or t.TENANT_ID_ is null)
				 group by i.GROUP_ID_ order by count(distinct t.ID_) desc""", (rs, i) -> new Count(rs.getString(1),
				rs.getLong(2), rs.getLong(3)), Timestamp.from(now), tenantId);
	}

	/** The claimed tasks by assignee, the most first. */
	public List<Count> claimedByAssignee(String tenantId, Instant now) {
		return jdbc.query("""
				select t.ASSIGNEE_, count(*), sum(case when t.DUE_DATE_ < ? then 1 else 0 end)
				  from ACT_RU_TASK t where t.ASSIGNEE_ is not null and (t.TENANT_ID_ = ? or t.TENANT_ID_ is null)
				 group by t.ASSIGNEE_ order by count(*) desc""", (rs, i) -> new Count(rs.getString(1), rs.getLong(2),
				rs.getLong(3)), Timestamp.from(now), tenantId);
	}

	public long countTasks(TaskCriteria criteria) {
		List<Object> params = new ArrayList<>();
		return jdbc.queryForObject("select count(*)" + TASKS + where(criteria, params), Long.class, params.toArray());
	}

	/** The open tasks that meet the criteria, the earliest due first (those without a due date last). */
	public List<OpenTask> tasks(TaskCriteria criteria) {
		List<Object> params = new ArrayList<>();
		String where = where(criteria, params);
		return jdbc.query("""
				select t.ID_, t.NAME_, e.BUSINESS_KEY_, d.KEY_, t.ASSIGNEE_, t.DUE_DATE_,
				       (select min(i.GROUP_ID_) from ACT_RU_IDENTITYLINK i where i.TASK_ID_ = t.ID_ and i.TYPE_ = 'candidate')
				""" + TASKS + where + " order by case when t.DUE_DATE_ is null then 1 else 0 end, t.DUE_DATE_, t.CREATE_TIME_",
				(rs, i) -> {
					Timestamp due = rs.getTimestamp(6);
					return new OpenTask(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), due == null ? null : due.toInstant(), rs.getString(7));
				}, params.toArray());
	}

	private static String where(TaskCriteria criteria, List<Object> params) {
		StringBuilder where = new StringBuilder();
		params.add(criteria.tenantId());
		if (criteria.dueFrom() != null) {
			where.append(" and t.DUE_DATE_ >= ?");
			params.add(Timestamp.from(criteria.dueFrom()));
		}
		if (criteria.dueBefore() != null) {
			where.append(" and t.DUE_DATE_ < ?");
			params.add(Timestamp.from(criteria.dueBefore()));
		}
		if (criteria.tasksOfProcesses() != null && !criteria.tasksOfProcesses().isEmpty()) {
			where.append(" and (").append(criteria.tasksOfProcesses().entrySet().stream().map(entry -> {
				params.add(entry.getKey());
				params.addAll(entry.getValue());
				return "(d.KEY_ = ? and t.TASK_DEF_KEY_ in (" + EngineHistory.placeholders(entry.getValue()) + "))";
			}).collect(Collectors.joining(" or "))).append(")");
		}
		if (criteria.assignee() != null && !criteria.assignee().isBlank()) {
			where.append(" and t.ASSIGNEE_ = ?");
			params.add(criteria.assignee().strip());
		}
		if (criteria.candidateGroup() != null && !criteria.candidateGroup().isBlank()) {
			where.append(" and t.ASSIGNEE_ is null and exists (select 1 from ACT_RU_IDENTITYLINK i"
					+ " where i.TASK_ID_ = t.ID_ and i.TYPE_ = 'candidate' and i.GROUP_ID_ = ?)");
			params.add(criteria.candidateGroup().strip());
		}
		return where.toString();
	}

}
