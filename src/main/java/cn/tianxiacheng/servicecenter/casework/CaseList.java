package cn.tianxiacheng.servicecenter.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 工单列表: every case of every kind in one estate, filtered by what the front desk asks for
 * (kind, status, building, unit, category, urgency, registration dates, overdue), newest first, a
 * page at a time. A case is overdue when a task of its process is past its due date (asked of the engine as
 * the system: whoever looks, the flag is the same).
 */
@Component
class CaseList {

	static final int PAGE_SIZE = 30;

	record Filter(CaseType type, CaseStatus status, Integer building, String unit, String category, Urgency urgency,
			LocalDate from, LocalDate to, boolean overdue) {

		static Filter none() {
			return new Filter(null, null, null, null, null, null, null, null, false);
		}

	}

	record Row(String caseNumber, String typeLabel, String unitNumber, String category, String urgencyLabel,
			String statusLabel, Timestamp registeredAt, String registeredBy, boolean overdue) {
	}

	record Page(List<Row> rows, int page, long total) {

		public int pages() {
			return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		}

	}

	private final JdbcTemplate jdbc;

	private final TaskService taskService;

	private final EngineAsSystem asSystem;

	private final Clock clock;

	CaseList(JdbcTemplate jdbc, TaskService taskService, EngineAsSystem asSystem, Clock clock) {
		this.jdbc = jdbc;
		this.taskService = taskService;
		this.asSystem = asSystem;
		this.clock = clock;
	}

	Page find(long estateId, Filter filter, int page, int size) {
		Set<String> overdue = overdueProcessInstances();
		List<Object> arguments = new ArrayList<>();
		arguments.add(estateId);
		String where = where(filter, overdue, arguments);
		long total = jdbc.queryForObject("select count(*) from service_case c join unit_address u on u.unit_id = c.unit_id"
				+ where, Long.class, arguments.toArray());
		arguments.add(page * size);
		arguments.add(size);
		List<Row> rows = jdbc.query("""
				select c.case_number, c.type, u.unit_number, c.category, c.urgency, c.status, c.registered_at, c.registered_by,
				       c.process_instance_id
				  from service_case c join unit_address u on u.unit_id = c.unit_id
				""" + where + " order by c.registered_at desc, c.id desc offset ? rows fetch next ? rows only",
				(rs, i) -> new Row(rs.getString(1), CaseType.valueOf(rs.getString(2)).label(), rs.getString(3),
						rs.getString(4), Urgency.valueOf(rs.getString(5)).label(), CaseStatus.valueOf(rs.getString(6)).label(),
						rs.getTimestamp(7), rs.getString(8), overdue.contains(rs.getString(9))),
				arguments.toArray());
		return new Page(rows, page, total);
	}

	private Set<String> overdueProcessInstances() {
		Date now = Date.from(clock.instant());
		return asSystem.call(() -> taskService.createTaskQuery().dueBefore(now).list())
			.stream()
			.map(Task::getProcessInstanceId)
			.collect(Collectors.toSet());
	}

	private String where(Filter filter, Set<String> overdue, List<Object> arguments) {
		StringBuilder where = new StringBuilder(" where u.estate_id = ?");
		if (filter.type() != null) {
			where.append(" and c.type = ?");
			arguments.add(filter.type().name());
		}
		if (filter.status() != null) {
			where.append(" and c.status = ?");
			arguments.add(filter.status().name());
		}
		if (filter.building() != null) {
			where.append(" and u.building_number = ?");
			arguments.add(filter.building());
		}
		if (filter.unit() != null && !filter.unit().isBlank()) {
			where.append(" and u.unit_number like ?");
			arguments.add(filter.unit().strip() + "%");
		}
		if (filter.category() != null && !filter.category().isBlank()) {
			where.append(" and c.category = ?");
			arguments.add(filter.category());
		}
		if (filter.urgency() != null) {
			where.append(" and c.urgency = ?");
			arguments.add(filter.urgency().name());
		}
		if (filter.from() != null) {
			where.append(" and c.registered_at >= ?");
			arguments.add(Timestamp.from(filter.from().atStartOfDay(clock.getZone()).toInstant()));
		}
		if (filter.to() != null) {
			where.append(" and c.registered_at < ?");
			arguments.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
		}
		if (filter.overdue()) {
			where.append(overdue.isEmpty() ? " and 1 = 0" : " and c.process_instance_id in ("
					+ overdue.stream().map(id -> "?").collect(Collectors.joining(",")) + ")");
			arguments.addAll(overdue);
		}
		return where.toString();
	}

}
