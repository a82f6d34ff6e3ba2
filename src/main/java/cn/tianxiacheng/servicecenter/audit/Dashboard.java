package cn.tianxiacheng.servicecenter.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.tianxiacheng.servicecenter.fee.Ledger;
import cn.tianxiacheng.servicecenter.fee.LedgerReports;
import cn.tianxiacheng.servicecenter.fee.LedgerReports.Collected;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 运营看板: the center at a glance for the manager and the director, each figure as of now, with
 * the previous period beside it and a link to the cases behind it. Read from the engine's runtime
 * and history tables and the fee ledger.
 */
@Component
class Dashboard {

	static final int TREND_DAYS = 30;

	/** A figure with the one it is compared with and where its cases are. */
	record Figure(String label, BigDecimal value, BigDecimal previous, String unit, String link) {
	}

	record Count(String label, long open, long overdue, String link) {
	}

	record Times(String label, long cases, BigDecimal medianMinutes, BigDecimal p90Minutes, BigDecimal withinDeadlinePercent,
			BigDecimal previousMedianMinutes) {
	}

	record Day(LocalDate day, long opened, long closed) {
	}

	/** Requests for certificates (户口、入学) started in a month: the spring enrolment peak shows here. */
	record Month(YearMonth month, long requests) {
	}

	record Figures(Instant asOf, List<Figure> headline, List<Count> byKind, List<Count> byGroup, List<Count> byStaff,
			List<Day> trend, List<Times> times, List<Month> certificateRequests) {
	}

	/** The range of the return visit's satisfaction ({@code return-visit.form}). */
	static final int SATISFACTION_MIN = 1;

	static final int SATISFACTION_MAX = 5;

	/** The process of 协助办理 (its key, not its package: the dashboard reads the engine's history). */
	private static final String ASSISTANCE_PROCESS = "AssistanceRequestProcess";

	private final JdbcTemplate jdbc;

	private final Ledger ledger;

	private final LedgerReports ledgerReports;

	private final AuditSearch search;

	private final StaffNames staffNames;

	private final DashboardTasks tasks;

	private final Clock clock;

	Dashboard(JdbcTemplate jdbc, Ledger ledger, LedgerReports ledgerReports, AuditSearch search, StaffNames staffNames,
			DashboardTasks tasks, Clock clock) {
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.ledger = ledger;
		this.ledgerReports = ledgerReports;
		this.search = search;
		this.staffNames = staffNames;
		this.clock = clock;
	}

	Figures now() {
		Instant now = clock.instant();
		ZoneId zone = clock.getZone();
		LocalDate today = LocalDate.now(clock);
		Timestamp nowTs = Timestamp.from(now);
		Timestamp periodStart = Timestamp.from(today.minusDays(TREND_DAYS - 1).atStartOfDay(zone).toInstant());
		Timestamp previousStart = Timestamp.from(today.minusDays(2L * TREND_DAYS - 1).atStartOfDay(zone).toInstant());

		List<Figure> headline = new ArrayList<>();
		long openCases = count("""
				select count(*) from ACT_RU_EXECUTION e
				 where e.ID_ = e.PROC_INST_ID_ and e.BUSINESS_KEY_ is not null and e.SUPER_EXEC_ is null""");
		headline.add(new Figure("办理中的案件", BigDecimal.valueOf(openCases), null, "件", "/audit?state=ACTIVE"));
		for (DashboardTasks.Which which : DashboardTasks.Which.values()) {
			headline.add(new Figure(which.label(), BigDecimal.valueOf(tasks.count(which)), null, "个",
					"/dashboard/tasks?which=" + which));
		}
		headline.add(new Figure("近 30 天新开案件", BigDecimal.valueOf(started(periodStart, nowTs)),
				BigDecimal.valueOf(started(previousStart, periodStart)), "件",
				"/audit?kind=" + AuditSearch.CASES + "&from=" + today.minusDays(TREND_DAYS - 1)));
		headline.add(new Figure("近 30 天办结案件", BigDecimal.valueOf(ended(periodStart, nowTs)),
				BigDecimal.valueOf(ended(previousStart, periodStart)), "件", "/audit?kind=" + AuditSearch.CASES
						+ "&state=COMPLETED&closedFrom=" + today.minusDays(TREND_DAYS - 1)));
		headline.add(satisfaction(periodStart, nowTs, previousStart));
		YearMonth month = YearMonth.from(today);
		headline.add(new Figure("本月收缴率", collectionRate(month), collectionRate(month.minusMonths(1)), "%", "/cashier"));
		headline.add(new Figure("欠费合计", ledger.arrears(today).stream().map(Ledger.Arrears::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add), null, "元", "/audit?kind=FeeDunningProcess&state=ACTIVE"));

		return new Figures(now, headline, byKind(nowTs), byGroup(nowTs), byStaff(nowTs), trend(today, zone, periodStart),
				List.of(times("首次响应（投诉、报修）", "firstResponseMinutes", periodStart, nowTs, previousStart, true),
						times("办结（投诉、报修）", "resolutionHours", periodStart, nowTs, previousStart, false)),
				certificateRequests(month, zone));
	}

	/** The last twelve months' certificate requests, read from the engine's history of their process. */
	private List<Month> certificateRequests(YearMonth thisMonth, ZoneId zone) {
		YearMonth first = thisMonth.minusMonths(11);
		Map<YearMonth, Long> perMonth = new TreeMap<>();
		for (int i = 0; i < 12; i++) {
			perMonth.put(first.plusMonths(i), 0L);
		}
		jdbc.query("select START_TIME_ from ACT_HI_PROCINST where PROC_DEF_KEY_ = ? and START_TIME_ >= ?",
				(ResultSet rs) -> {
					perMonth.merge(YearMonth.from(rs.getTimestamp(1).toInstant().atZone(zone)), 1L, Long::sum);
				}, ASSISTANCE_PROCESS, Timestamp.from(first.atDay(1).atStartOfDay(zone).toInstant()));
		return perMonth.entrySet().stream().map(entry -> new Month(entry.getKey(), entry.getValue())).toList();
	}

	private List<Count> byKind(Timestamp now) {
		Map<String, String> kinds = search.kinds();
		List<Count> counts = new ArrayList<>();
		jdbc.query("""
				select d.KEY_, count(*),
				       sum(case when exists (select 1 from ACT_RU_TASK t where t.PROC_INST_ID_ = e.ID_ and t.DUE_DATE_ < ?)
				                then 1 else 0 end)
				  from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_
				 where e.ID_ = e.PROC_INST_ID_ and e.BUSINESS_KEY_ is not null and e.SUPER_EXEC_ is null
				 group by d.KEY_ order by count(*) desc""", rs -> {
			counts.add(new Count(kinds.getOrDefault(rs.getString(1), rs.getString(1)), rs.getLong(2), rs.getLong(3),
					"/audit?state=ACTIVE&kind=" + rs.getString(1)));
		}, now);
		return counts;
	}

	private List<Count> byGroup(Timestamp now) {
		List<Count> counts = new ArrayList<>();
		jdbc.query("""
				select i.GROUP_ID_, count(distinct t.ID_), count(distinct case when t.DUE_DATE_ < ? then t.ID_ end)
				  from ACT_RU_TASK t join ACT_RU_IDENTITYLINK i on i.TASK_ID_ = t.ID_
				 where i.TYPE_ = 'candidate' and i.GROUP_ID_ is not null and t.ASSIGNEE_ is null
				 group by i.GROUP_ID_ order by count(distinct t.ID_) desc""", rs -> {
			counts.add(new Count(StaffGroup.labelOf(rs.getString(1)) + "（待领取）", rs.getLong(2), rs.getLong(3),
					"/dashboard/tasks?group=" + rs.getString(1)));
		}, now);
		return counts;
	}

	private List<Count> byStaff(Timestamp now) {
		List<Count> counts = new ArrayList<>();
		jdbc.query("""
				select t.ASSIGNEE_, count(*), sum(case when t.DUE_DATE_ < ? then 1 else 0 end)
				  from ACT_RU_TASK t where t.ASSIGNEE_ is not null
				 group by t.ASSIGNEE_ order by count(*) desc""", rs -> {
			counts.add(new Count(staffNames.of(rs.getString(1)), rs.getLong(2), rs.getLong(3),
					"/dashboard/tasks?assignee=" + rs.getString(1)));
		}, now);
		return counts;
	}

	private List<Day> trend(LocalDate today, ZoneId zone, Timestamp from) {
		Map<LocalDate, long[]> days = new TreeMap<>();
		for (int i = TREND_DAYS - 1; i >= 0; i--) {
			days.put(today.minusDays(i), new long[2]);
		}
		jdbc.query("""
				select START_TIME_, case when STATE_ = 'COMPLETED' then END_TIME_ end from ACT_HI_PROCINST
				 where PROC_DEF_KEY_ in (?, ?) and SUPER_PROCESS_INSTANCE_ID_ is null
				   and (START_TIME_ >= ? or (END_TIME_ >= ? and STATE_ = 'COMPLETED'))""", rs -> {
			Timestamp started = rs.getTimestamp(1);
			Timestamp ended = rs.getTimestamp(2);
			long[] opened = days.get(started.toInstant().atZone(zone).toLocalDate());
			if (opened != null) {
				opened[0]++;
			}
			if (ended != null) {
				long[] closed = days.get(ended.toInstant().atZone(zone).toLocalDate());
				if (closed != null) {
					closed[1]++;
				}
			}
		}, AuditSearch.CASE_PROCESSES.get(0), AuditSearch.CASE_PROCESSES.get(1), from, from);
		return days.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
	}

	/**
	 * How long complaints and repairs took against the deadline the routing table gave each one:
	 * the first response is the end of the first task, the resolution the end of the case.
	 */
	private Times times(String label, String deadlineVariable, Timestamp from, Timestamp to, Timestamp previousFrom,
			boolean firstResponse) {
		List<long[]> current = durations(deadlineVariable, from, to, firstResponse);
		List<long[]> previous = durations(deadlineVariable, previousFrom, from, firstResponse);
		long within = current.stream().filter(d -> d[0] <= d[1]).count();
		return new Times(label, current.size(), percentile(current, 50), percentile(current, 90),
				current.isEmpty() ? null : BigDecimal.valueOf(within * 100).divide(BigDecimal.valueOf(current.size()), 1,
						RoundingMode.HALF_UP),
				percentile(previous, 50));
	}

	/** Per case: minutes taken and the deadline in minutes. */
	private List<long[]> durations(String deadlineVariable, Timestamp from, Timestamp to, boolean firstResponse) {
		String end = firstResponse ? """
				(select min(t.END_TIME_) from ACT_HI_TASKINST t where t.PROC_INST_ID_ = p.PROC_INST_ID_
				   and t.TASK_DEF_KEY_ in ('Task_FirstResponse', 'Task_ScheduleAppointment'))""" : "p.END_TIME_";
		List<long[]> durations = new ArrayList<>();
		jdbc.query("""
				select p.START_TIME_, %s as done, v.LONG_
				  from ACT_HI_PROCINST p join ACT_HI_VARINST v on v.PROC_INST_ID_ = p.PROC_INST_ID_ and v.NAME_ = ?
				 where p.PROC_DEF_KEY_ in ('ComplaintProcess', 'ServiceRequestProcess')
				   and p.START_TIME_ >= ? and p.START_TIME_ < ?""".formatted(end), rs -> {
			Timestamp done = rs.getTimestamp(2);
			if (done != null && rs.getObject(3) != null) {
				long minutes = Duration.between(rs.getTimestamp(1).toInstant(), done.toInstant()).toMinutes();
				long deadline = firstResponse ? rs.getLong(3) : rs.getLong(3) * 60;
				durations.add(new long[] { minutes, deadline });
			}
		}, deadlineVariable, from, to);
		return durations;
	}

	/** The nearest-rank percentile of the minutes taken, or null without cases. */
	static BigDecimal percentile(List<long[]> durations, int percent) {
		if (durations.isEmpty()) {
			return null;
		}
		long[] minutes = durations.stream().mapToLong(d -> d[0]).sorted().toArray();
		int rank = (int) Math.ceil(percent / 100.0 * minutes.length);
		return BigDecimal.valueOf(minutes[Math.max(rank, 1) - 1]);
	}

	private Figure satisfaction(Timestamp from, Timestamp to, Timestamp previousFrom) {
		Map<String, Object> current = satisfactionBetween(from, to);
		Map<String, Object> previous = satisfactionBetween(previousFrom, from);
		long ignored = (Long) current.get("ignored");
		return new Figure("回访满意度，" + current.get("n") + " 份"
				+ (ignored == 0 ? "" : "（另有 " + ignored + " 份超出 " + SATISFACTION_MIN + "–" + SATISFACTION_MAX + " 分，未计入）"),
				(BigDecimal) current.get("avg"), (BigDecimal) previous.get("avg"), "5 分制",
				"/audit?kind=ReturnVisitProcess&state=COMPLETED");
	}

	/**
	 * The average of the return visits' satisfaction; a value outside the form's range (stored
	 * before the form was enforced) is left out and counted as ignored.
	 */
	private Map<String, Object> satisfactionBetween(Timestamp from, Timestamp to) {
		Map<String, Object> result = new LinkedHashMap<>();
		jdbc.query("""
				select count(case when v.LONG_ between ? and ? then 1 end),
				       avg(case when v.LONG_ between ? and ? then cast(v.LONG_ as decimal(10, 4)) end),
				       count(case when v.LONG_ not between ? and ? or v.DOUBLE_ is not null then 1 end)
				  from ACT_HI_VARINST v
				 where v.NAME_ = 'satisfaction' and (v.LONG_ is not null or v.DOUBLE_ is not null)
				   and v.CREATE_TIME_ >= ? and v.CREATE_TIME_ < ?""", rs -> {
					result.put("n", rs.getLong(1));
					BigDecimal avg = rs.getBigDecimal(2);
					result.put("avg", avg == null ? null : avg.setScale(2, RoundingMode.HALF_UP));
					result.put("ignored", rs.getLong(3));
				}, SATISFACTION_MIN, SATISFACTION_MAX, SATISFACTION_MIN, SATISFACTION_MAX, SATISFACTION_MIN,
				SATISFACTION_MAX, from, to);
		return result;
	}

	/** Received ÷ due of the bills due in the month, in percent to one decimal; null when nothing was due. */
	private BigDecimal collectionRate(YearMonth month) {
		Collected sums = ledgerReports.dueBetween(month.atDay(1), month.atEndOfMonth());
		BigDecimal due = sums.due();
		BigDecimal received = sums.collected();
		return due.signum() == 0 ? null : received.multiply(BigDecimal.valueOf(100)).divide(due, 1, RoundingMode.HALF_UP);
	}

	/** Cases (complaints and service requests) registered between the two instants. */
	private long started(Timestamp from, Timestamp to) {
		return count("""
				select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ in (?, ?) and SUPER_PROCESS_INSTANCE_ID_ is null
				   and BUSINESS_KEY_ is not null and START_TIME_ >= ? and START_TIME_ < ?""",
				AuditSearch.CASE_PROCESSES.get(0), AuditSearch.CASE_PROCESSES.get(1), from, to);
	}

	/** Cases whose process completed between the two instants. */
	private long ended(Timestamp from, Timestamp to) {
		return count("""
				select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ in (?, ?) and SUPER_PROCESS_INSTANCE_ID_ is null
				   and BUSINESS_KEY_ is not null and STATE_ = 'COMPLETED' and END_TIME_ >= ? and END_TIME_ < ?""",
				AuditSearch.CASE_PROCESSES.get(0), AuditSearch.CASE_PROCESSES.get(1), from, to);
	}

	private long count(String sql, Object... params) {
		Long count = jdbc.queryForObject(sql, Long.class, params);
		return count == null ? 0 : count;
	}

}
