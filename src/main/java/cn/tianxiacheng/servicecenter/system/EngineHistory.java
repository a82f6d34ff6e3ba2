package cn.tianxiacheng.servicecenter.system;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * What the engine's history holds, for the auditor, the dashboard and the evaluations: process
 * instances found by what the engine's query API cannot ask (overdue, escalated, worked by), counts
 * and times of instances, values recorded. Those that name a tenant read that estate's instances and
 * the ones of no estate (a timer's), as the engine's own tenant check does. It reads Camunda's documented history schema; with
 * {@link OpenWork} it is the only SQL of the app that names the engine's tables.
 */
@Component
@NamedInterface("engine")
public class EngineHistory {

	/**
	 * Which process instances of an estate (its engine tenant), of those the app started (with a
	 * business key, not called by another); every other criterion may be null (or false, or empty) for "any". {@code state} is
	 * {@code ACTIVE}, {@code COMPLETED} or {@code TERMINATED}.
	 */
	@NamedInterface("engine")
	public record Criteria(String tenantId, String businessKeyPart, List<String> processKeys, String unitNumber, Instant startedFrom,
			Instant startedBefore, Instant endedFrom, String workedBy, String state, boolean overdue,
			boolean escalated) {
	}

	/** An instance with its unit ({@code unitNumber}) and the end event it reached. */
	@NamedInterface("engine")
	public record Instance(String businessKey, String processInstanceId, String processKey, Instant startedAt,
			Instant endedAt, String state, String unitNumber, String outcome, boolean overdue, boolean escalated) {
	}

	@NamedInterface("engine")
	public record Found(List<Instance> instances, long total) {
	}

	/** An instance's start and, if it completed, its end. */
	@NamedInterface("engine")
	public record Span(Instant startedAt, Instant completedAt) {
	}

	/** An instance's start, when it was done (null: not yet) and a number it recorded (null: none). */
	@NamedInterface("engine")
	public record Timed(Instant startedAt, Instant doneAt, Long value) {
	}

	/** Of a whole-number variable: how many values within a range, their sum and average, how many outside. */
	@NamedInterface("engine")
	public record Numbers(long within, long sum, BigDecimal average, long outside) {
	}

	@NamedInterface("engine")
	public record CompletedTask(String businessKey, boolean onTime) {
	}

	@NamedInterface("engine")
	public record Recorded(String businessKey, long value) {
	}

	private static final String OVERDUE = """
			exists (select 1 from ACT_HI_TASKINST t where t.PROC_INST_ID_ = p.PROC_INST_ID_
			         and t.DUE_DATE_ is not null and coalesce(t.END_TIME_, ?) > t.DUE_DATE_)""";

	private static final String ESCALATED = """
			exists (select 1 from ACT_HI_ACTINST a where a.PROC_INST_ID_ = p.PROC_INST_ID_
			         and a.ACT_TYPE_ = 'boundaryTimer')""";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	EngineHistory(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A page of the instances that meet the criteria, the latest started first, and how many there are. */
	public Found find(Criteria criteria, long offset, int size) {
		Timestamp now = Timestamp.from(clock.instant());
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder(
				" where (p.TENANT_ID_ = ? or p.TENANT_ID_ is null)"
						+ " and p.BUSINESS_KEY_ is not null and p.SUPER_PROCESS_INSTANCE_ID_ is null");
		params.add(criteria.tenantId());
		if (present(criteria.businessKeyPart())) {
			where.append(" and upper(p.BUSINESS_KEY_) like ?");
			params.add("%" + criteria.businessKeyPart().strip().toUpperCase() + "%");
		}
		if (criteria.processKeys() != null && !criteria.processKeys().isEmpty()) {
			where.append(" and p.PROC_DEF_KEY_ in (").append(placeholders(criteria.processKeys())).append(")");
			params.addAll(criteria.processKeys());
		}
		if (present(criteria.unitNumber())) {
			where.append(" and exists (select 1 from ACT_HI_VARINST v where v.PROC_INST_ID_ = p.PROC_INST_ID_"
					+ " and v.NAME_ = 'unitNumber' and v.TEXT_ = ?)");
			params.add(criteria.unitNumber().strip());
		}
		if (criteria.startedFrom() != null) {
			where.append(" and p.START_TIME_ >= ?");
			params.add(Timestamp.from(criteria.startedFrom()));
		}
		if (criteria.startedBefore() != null) {
			where.append(" and p.START_TIME_ < ?");
			params.add(Timestamp.from(criteria.startedBefore()));
		}
		if (criteria.endedFrom() != null) {
			where.append(" and p.END_TIME_ >= ?");
			params.add(Timestamp.from(criteria.endedFrom()));
		}
		if (present(criteria.workedBy())) {
			// by login id or by name, as staff know each other
			where.append(" and exists (select 1 from ACT_HI_TASKINST t where t.PROC_INST_ID_ = p.PROC_INST_ID_"
					+ " and (t.ASSIGNEE_ = ? or t.ASSIGNEE_ in (select u.ID_ from ACT_ID_USER u where concat(u.FIRST_, coalesce(u.LAST_, '')) = ?)))");
			params.add(criteria.workedBy().strip());
			params.add(criteria.workedBy().strip());
		}
		if ("ACTIVE".equals(criteria.state())) {
			where.append(" and p.END_TIME_ is null");
		}
		else if ("COMPLETED".equals(criteria.state())) {
			where.append(" and p.STATE_ = 'COMPLETED'");
		}
		else if ("TERMINATED".equals(criteria.state())) {
			where.append(" and p.STATE_ in ('EXTERNALLY_TERMINATED', 'INTERNALLY_TERMINATED')");
		}
		if (criteria.overdue()) {
			where.append(" and ").append(OVERDUE);
			params.add(now);
		}
		if (criteria.escalated()) {
			where.append(" and ").append(ESCALATED);
		}
		long total = jdbc.queryForObject("select count(*) from ACT_HI_PROCINST p" + where, Long.class, params.toArray());
		List<Object> pageParams = new ArrayList<>();
		pageParams.add(now);
		pageParams.addAll(params);
		pageParams.add(offset);
		pageParams.add(size);
		List<Instance> instances = jdbc.query("""
				select p.BUSINESS_KEY_, p.PROC_INST_ID_, p.PROC_DEF_KEY_, p.START_TIME_, p.END_TIME_, p.STATE_,
				       (select max(v.TEXT_) from ACT_HI_VARINST v
				         where v.PROC_INST_ID_ = p.PROC_INST_ID_ and v.NAME_ = 'unitNumber') as unit_number,
				       (select max(a.ACT_NAME_) from ACT_HI_ACTINST a
				         where a.PROC_INST_ID_ = p.PROC_INST_ID_ and a.ACT_ID_ = p.END_ACT_ID_) as outcome,
				       case when %s then 1 else 0 end as overdue,
				       case when %s then 1 else 0 end as escalated
				  from ACT_HI_PROCINST p""".formatted(OVERDUE, ESCALATED) + where
				+ " order by p.START_TIME_ desc, p.ID_ desc offset ? rows fetch next ? rows only",
				(rs, i) -> {
					Timestamp ended = rs.getTimestamp(5);
					return new Instance(rs.getString(1), rs.getString(2), rs.getString(3),
							rs.getTimestamp(4).toInstant(), ended == null ? null : ended.toInstant(), rs.getString(6),
							rs.getString(7), rs.getString(8), rs.getInt(9) == 1, rs.getInt(10) == 1);
				}, pageParams.toArray());
		return new Found(instances, total);
	}

	/** When each instance of the process in the estate (its engine tenant) started since the instant. */
	public List<Instant> startTimes(String tenantId, String processKey, Instant from) {
		return jdbc.query("""
				select START_TIME_ from ACT_HI_PROCINST
				 where (TENANT_ID_ = ? or TENANT_ID_ is null) and PROC_DEF_KEY_ = ? and START_TIME_ >= ?""",
				(rs, i) -> rs.getTimestamp(1).toInstant(), tenantId, processKey, Timestamp.from(from));
	}

	/** The top-level instances of the processes started or completed since the instant. */
	public List<Span> startedOrCompletedSince(String tenantId, List<String> processKeys, Instant from) {
		List<Object> params = new ArrayList<>(processKeys);
		params.add(tenantId);
		params.add(Timestamp.from(from));
		params.add(Timestamp.from(from));
		return jdbc.query("""
				select START_TIME_, case when STATE_ = 'COMPLETED' then END_TIME_ end from ACT_HI_PROCINST
				 where PROC_DEF_KEY_ in (%s) and (TENANT_ID_ = ? or TENANT_ID_ is null) and SUPER_PROCESS_INSTANCE_ID_ is null
				   and (START_TIME_ >= ? or (END_TIME_ >= ? and STATE_ = 'COMPLETED'))""".formatted(
				placeholders(processKeys)), (rs, i) -> {
					Timestamp completed = rs.getTimestamp(2);
					return new Span(rs.getTimestamp(1).toInstant(), completed == null ? null : completed.toInstant());
				}, params.toArray());
	}

	/**
	 * The instances of the processes started between the two instants, each with the whole-number
	 * variable it recorded: done when the first of the tasks ended, or without tasks when it ended.
	 */
	public List<Timed> timed(String tenantId, List<String> processKeys, String variable, Instant from, Instant to,
			List<String> firstTasks) {
		List<Object> params = new ArrayList<>();
		String done = "p.END_TIME_";
		if (!firstTasks.isEmpty()) {
			done = """
					(select min(t.END_TIME_) from ACT_HI_TASKINST t where t.PROC_INST_ID_ = p.PROC_INST_ID_
					   and t.TASK_DEF_KEY_ in (%s))""".formatted(placeholders(firstTasks));
			params.addAll(firstTasks);
		}
		params.add(variable);
		params.addAll(processKeys);
		params.add(tenantId);
		params.add(Timestamp.from(from));
		params.add(Timestamp.from(to));
		return jdbc.query("""
				select p.START_TIME_, %s as done, v.LONG_
				  from ACT_HI_PROCINST p join ACT_HI_VARINST v on v.PROC_INST_ID_ = p.PROC_INST_ID_ and v.NAME_ = ?
				 where p.PROC_DEF_KEY_ in (%s) and (p.TENANT_ID_ = ? or p.TENANT_ID_ is null)
				   and p.START_TIME_ >= ? and p.START_TIME_ < ?""".formatted(done, placeholders(processKeys)),
				(rs, i) -> {
					Timestamp doneAt = rs.getTimestamp(2);
					return new Timed(rs.getTimestamp(1).toInstant(), doneAt == null ? null : doneAt.toInstant(),
							rs.getObject(3) == null ? null : rs.getLong(3));
				}, params.toArray());
	}

	/**
	 * The values of the variable recorded between the two instants: how many within the range and
	 * their average, and how many outside it or not whole numbers.
	 */
	public Numbers numbers(String tenantId, String variable, long min, long max, Instant from, Instant to) {
		return jdbc.queryForObject("""
				select count(case when v.LONG_ between ? and ? then 1 end),
				       coalesce(sum(case when v.LONG_ between ? and ? then v.LONG_ end), 0),
				       avg(case when v.LONG_ between ? and ? then cast(v.LONG_ as decimal(10, 4)) end),
				       count(case when v.LONG_ not between ? and ? or v.DOUBLE_ is not null then 1 end)
				  from ACT_HI_VARINST v
				 where v.NAME_ = ? and (v.TENANT_ID_ = ? or v.TENANT_ID_ is null)
				   and (v.LONG_ is not null or v.DOUBLE_ is not null)
				   and v.CREATE_TIME_ >= ? and v.CREATE_TIME_ < ?""",
				(rs, i) -> new Numbers(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getLong(4)), min, max, min,
				max, min, max, min, max, variable, tenantId, Timestamp.from(from), Timestamp.from(to));
	}

	/** Top-level instances of the processes with a business key started between the two instants. */
	public long started(String tenantId, List<String> processKeys, Instant from, Instant to) {
		return count("""
				select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ in (%s) and (TENANT_ID_ = ? or TENANT_ID_ is null)
				   and SUPER_PROCESS_INSTANCE_ID_ is null
				   and BUSINESS_KEY_ is not null and START_TIME_ >= ? and START_TIME_ < ?""", tenantId, processKeys, from,
				to);
	}

	/** Top-level instances of the processes with a business key that completed between the two instants. */
	public long completed(String tenantId, List<String> processKeys, Instant from, Instant to) {
		return count("""
				select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ in (%s) and (TENANT_ID_ = ? or TENANT_ID_ is null)
				   and SUPER_PROCESS_INSTANCE_ID_ is null
				   and BUSINESS_KEY_ is not null and STATE_ = 'COMPLETED' and END_TIME_ >= ? and END_TIME_ < ?""",
				tenantId, processKeys, from, to);
	}

	/**
	 * The tasks the person completed between the two instants (of the task keys, or all when none
	 * is given), each on time when it had no due date or ended by it.
	 */
	public List<CompletedTask> completedBy(String assignee, Instant from, Instant to, List<String> taskKeys) {
		List<Object> params = new ArrayList<>(List.of(assignee, Timestamp.from(from), Timestamp.from(to)));
		params.addAll(taskKeys);
		return jdbc.query("""
				select p.BUSINESS_KEY_, case when t.DUE_DATE_ is null or t.END_TIME_ <= t.DUE_DATE_ then 1 else 0 end
				  from ACT_HI_TASKINST t join ACT_HI_PROCINST p on p.PROC_INST_ID_ = t.PROC_INST_ID_
				 where t.ASSIGNEE_ = ? and t.END_TIME_ >= ? and t.END_TIME_ < ? and t.DELETE_REASON_ = 'completed'"""
				+ (taskKeys.isEmpty() ? "" : " and t.TASK_DEF_KEY_ in (" + placeholders(taskKeys) + ")"),
				(rs, i) -> new CompletedTask(rs.getString(1), rs.getInt(2) == 1), params.toArray());
	}

	/**
	 * The whole-number variable recorded between the two instants by the follow-ups of instances
	 * the person worked on: a follow-up's business key is the prefix and the instance's key.
	 */
	public List<Recorded> recordedByFollowUps(String variable, String keyPrefix, String worker, Instant from,
			Instant to) {
		return jdbc.query("""
				select r.BUSINESS_KEY_, v.LONG_ from ACT_HI_VARINST v join ACT_HI_PROCINST r on r.PROC_INST_ID_ = v.PROC_INST_ID_
				 where v.NAME_ = ? and v.LONG_ is not null and v.CREATE_TIME_ >= ? and v.CREATE_TIME_ < ?
				   and exists (select 1 from ACT_HI_TASKINST t join ACT_HI_PROCINST c on c.PROC_INST_ID_ = t.PROC_INST_ID_
				                where t.ASSIGNEE_ = ? and r.BUSINESS_KEY_ = ? || c.BUSINESS_KEY_)""",
				(rs, i) -> new Recorded(rs.getString(1), rs.getLong(2)), variable, Timestamp.from(from),
				Timestamp.from(to), worker, keyPrefix);
	}

	private long count(String sql, String tenantId, List<String> processKeys, Instant from, Instant to) {
		List<Object> params = new ArrayList<>(processKeys);
		params.add(tenantId);
		params.add(Timestamp.from(from));
		params.add(Timestamp.from(to));
		Long count = jdbc.queryForObject(sql.formatted(placeholders(processKeys)), Long.class, params.toArray());
		return count == null ? 0 : count;
	}

	static String placeholders(List<?> values) {
		return Collections.nCopies(values.size(), "?").stream().collect(Collectors.joining(", "));
	}

	private static boolean present(String text) {
		return text != null && !text.isBlank();
	}

}
