package cn.tianxiacheng.servicecenter.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.fee.BillPeriods;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds cases of every process, open and finished, in the engine's history: every process
 * instance the app started carries its record number as business key and the unit's number as
 * {@code unitNumber}. The engine's query API has no "overdue", "escalated" or "worked by"
 * criteria, so the search reads the history tables (Camunda's documented schema) directly.
 */
@Component
class AuditSearch {

	static final int PAGE_SIZE = 30;

	/**
	 * What a case is searched by; every criterion may be null (or false) for "any". The kind
	 * {@value #CASES} is the cases proper, complaints and service requests; {@code closedFrom}
	 * the day from which a case ended.
	 */
	record Criteria(String caseNumber, String kind, String unit, LocalDate from, LocalDate to, String staff,
			String state, boolean overdue, boolean escalated, LocalDate closedFrom) {

		static Criteria none() {
			return new Criteria(null, null, null, null, null, null, null, false, false, null);
		}

	}

	/** The kind that stands for complaints and service requests together: what the center calls 案件. */
	static final String CASES = "CASES";

	static final List<String> CASE_PROCESSES = List.of("ComplaintProcess", "ServiceRequestProcess");

	record Row(String caseNumber, String processInstanceId, String kind, String kindName, String unitNumber,
			Instant startedAt, Instant endedAt, String state, String stateLabel, String outcome, boolean overdue,
			boolean escalated) {

		/** The number as staff read it (a billing run's in words). */
		public String numberLabel() {
			return BillPeriods.ofBusinessKey(caseNumber);
		}

	}

	record Page(List<Row> rows, int page, long total) {

		public int pages() {
			return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		}

	}

	private static final String OVERDUE = """
			exists (select 1 from ACT_HI_TASKINST t where t.PROC_INST_ID_ = p.PROC_INST_ID_
			         and t.DUE_DATE_ is not null and coalesce(t.END_TIME_, ?) > t.DUE_DATE_)""";

	private static final String ESCALATED = """
			exists (select 1 from ACT_HI_ACTINST a where a.PROC_INST_ID_ = p.PROC_INST_ID_
			         and a.ACT_TYPE_ = 'boundaryTimer')""";

	private final JdbcTemplate jdbc;

	private final RepositoryService repositoryService;

	private final Clock clock;

	AuditSearch(JdbcTemplate jdbc, RepositoryService repositoryService, Clock clock) {
		this.jdbc = jdbc;
		this.repositoryService = repositoryService;
		this.clock = clock;
	}

	/** The processes staff work with, by key, named as Cockpit names them (in Chinese). */
	Map<String, String> kinds() {
		return repositoryService.createProcessDefinitionQuery()
			.latestVersion()
			.list()
			.stream()
			.sorted((a, b) -> a.getKey().compareTo(b.getKey()))
			.collect(Collectors.toMap(ProcessDefinition::getKey, d -> d.getName() == null ? d.getKey() : d.getName(),
					(a, b) -> a, LinkedHashMap::new));
	}

	Page find(Criteria criteria, int page, int size) {
		Timestamp now = Timestamp.from(clock.instant());
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder(
				" where p.BUSINESS_KEY_ is not null and p.SUPER_PROCESS_INSTANCE_ID_ is null");
		if (present(criteria.caseNumber())) {
			where.append(" and upper(p.BUSINESS_KEY_) like ?");
			params.add("%" + criteria.caseNumber().strip().toUpperCase() + "%");
		}
		if (CASES.equals(criteria.kind())) {
			where.append(" and p.PROC_DEF_KEY_ in (?, ?)");
			params.addAll(CASE_PROCESSES);
		}
		else if (present(criteria.kind())) {
			where.append(" and p.PROC_DEF_KEY_ = ?");
			params.add(criteria.kind());
		}
		if (present(criteria.unit())) {
			where.append(" and exists (select 1 from ACT_HI_VARINST v where v.PROC_INST_ID_ = p.PROC_INST_ID_"
					+ " and v.NAME_ = 'unitNumber' and v.TEXT_ = ?)");
			params.add(criteria.unit().strip());
		}
		if (criteria.from() != null) {
			where.append(" and p.START_TIME_ >= ?");
			params.add(Timestamp.from(criteria.from().atStartOfDay(clock.getZone()).toInstant()));
		}
		if (criteria.to() != null) {
			where.append(" and p.START_TIME_ < ?");
			params.add(Timestamp.from(criteria.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
		}
		if (criteria.closedFrom() != null) {
			where.append(" and p.END_TIME_ >= ?");
			params.add(Timestamp.from(criteria.closedFrom().atStartOfDay(clock.getZone()).toInstant()));
		}
		if (present(criteria.staff())) {
			// by login id or by name, as staff know each other
			where.append(" and exists (select 1 from ACT_HI_TASKINST t where t.PROC_INST_ID_ = p.PROC_INST_ID_"
					+ " and (t.ASSIGNEE_ = ? or t.ASSIGNEE_ in (select u.ID_ from ACT_ID_USER u where concat(u.FIRST_, coalesce(u.LAST_, '')) = ?)))");
			params.add(criteria.staff().strip());
			params.add(criteria.staff().strip());
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
		pageParams.add((long) page * size);
		pageParams.add(size);
		Map<String, String> kinds = kinds();
		List<Row> rows = jdbc.query("""
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
					String state = rs.getString(6);
					Timestamp ended = rs.getTimestamp(5);
					return new Row(rs.getString(1), rs.getString(2), rs.getString(3),
							kinds.getOrDefault(rs.getString(3), rs.getString(3)), rs.getString(7),
							rs.getTimestamp(4).toInstant(), ended == null ? null : ended.toInstant(), state,
							stateLabel(state), rs.getString(8), rs.getInt(9) == 1, rs.getInt(10) == 1);
				}, pageParams.toArray());
		return new Page(rows, page, total);
	}

	static String stateLabel(String state) {
		return switch (state) {
			case "ACTIVE" -> "办理中";
			case "SUSPENDED" -> "已挂起";
			case "COMPLETED" -> "已结束";
			case "EXTERNALLY_TERMINATED" -> "已撤销";
			case "INTERNALLY_TERMINATED" -> "已终止";
			default -> state;
		};
	}

	private static boolean present(String text) {
		return text != null && !text.isBlank();
	}

}
