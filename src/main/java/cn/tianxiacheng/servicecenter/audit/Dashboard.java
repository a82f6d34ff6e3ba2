package cn.tianxiacheng.servicecenter.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.tianxiacheng.servicecenter.fee.Ledger;
import cn.tianxiacheng.servicecenter.fee.LedgerReports;
import cn.tianxiacheng.servicecenter.fee.LedgerReports.Collected;
import cn.tianxiacheng.servicecenter.system.EngineHistory;
import cn.tianxiacheng.servicecenter.system.OpenWork;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.springframework.stereotype.Component;

/**
 * 运营看板: one estate's center at a glance for the manager and the director, each figure as of now, with
 * the previous period beside it and a link to the cases behind it. Read from the engine's open work
 * and history ({@link OpenWork}, {@link EngineHistory}) and the fee ledger.
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

	/** The tasks whose end is a case's first response. */
	private static final List<String> FIRST_RESPONSE_TASKS = List.of("Task_FirstResponse", "Task_ScheduleAppointment");

	private final EngineHistory history;

	private final OpenWork openWork;

	private final Ledger ledger;

	private final LedgerReports ledgerReports;

	private final AuditSearch search;

	private final StaffNames staffNames;

	private final DashboardTasks tasks;

	private final Clock clock;

	Dashboard(EngineHistory history, OpenWork openWork, Ledger ledger, LedgerReports ledgerReports, AuditSearch search,
			StaffNames staffNames, DashboardTasks tasks, Clock clock) {
		this.history = history;
		this.openWork = openWork;
		this.tasks = tasks;
		this.ledger = ledger;
		this.ledgerReports = ledgerReports;
		this.search = search;
		this.staffNames = staffNames;
		this.clock = clock;
	}

	/** The figures of the estate: its engine tenant's work and history, its units' bills. */
	Figures now(String tenantId, long estateId) {
		Instant now = clock.instant();
		ZoneId zone = clock.getZone();
		LocalDate today = LocalDate.now(clock);
		Instant periodStart = today.minusDays(TREND_DAYS - 1).atStartOfDay(zone).toInstant();
		Instant previousStart = today.minusDays(2L * TREND_DAYS - 1).atStartOfDay(zone).toInstant();

		List<Figure> headline = new ArrayList<>();
		headline.add(new Figure("办理中的案件", BigDecimal.valueOf(openWork.instances(tenantId)), null, "件",
				"/audit?state=ACTIVE"));
		for (DashboardTasks.Which which : DashboardTasks.Which.values()) {
			headline.add(new Figure(which.label(), BigDecimal.valueOf(tasks.count(tenantId, which)), null, "个",
					"/dashboard/tasks?which=" + which));
		}
		List<String> cases = AuditSearch.CASE_PROCESSES;
		headline.add(new Figure("近 30 天新开案件", BigDecimal.valueOf(history.started(tenantId, cases, periodStart, now)),
				BigDecimal.valueOf(history.started(tenantId, cases, previousStart, periodStart)), "件",
				"/audit?kind=" + AuditSearch.CASES + "&from=" + today.minusDays(TREND_DAYS - 1)));
		headline.add(new Figure("近 30 天办结案件",
				BigDecimal.valueOf(history.completed(tenantId, cases, periodStart, now)),
				BigDecimal.valueOf(history.completed(tenantId, cases, previousStart, periodStart)), "件",
				"/audit?kind=" + AuditSearch.CASES + "&state=COMPLETED&closedFrom=" + today.minusDays(TREND_DAYS - 1)));
		headline.add(satisfaction(tenantId, periodStart, now, previousStart));
		YearMonth month = YearMonth.from(today);
		headline.add(new Figure("本月收缴率", collectionRate(estateId, month), collectionRate(estateId, month.minusMonths(1)),
				"%", "/cashier"));
		headline.add(new Figure("欠费合计", ledger.arrears(estateId, today).stream().map(Ledger.Arrears::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add), null, "元", "/audit?kind=FeeDunningProcess&state=ACTIVE"));

		return new Figures(now, headline, byKind(tenantId, now), byGroup(tenantId, now), byStaff(tenantId, now),
				trend(tenantId, today, zone, periodStart),
				List.of(times(tenantId, "首次响应（投诉、报修）", "firstResponseMinutes", periodStart, now, previousStart,
						true), times(tenantId, "办结（投诉、报修）", "resolutionHours", periodStart, now, previousStart, false)),
				certificateRequests(tenantId, month, zone));
	}

	/** The last twelve months' certificate requests, read from the engine's history of their process. */
	private List<Month> certificateRequests(String tenantId, YearMonth thisMonth, ZoneId zone) {
		YearMonth first = thisMonth.minusMonths(11);
		Map<YearMonth, Long> perMonth = new TreeMap<>();
		for (int i = 0; i < 12; i++) {
			perMonth.put(first.plusMonths(i), 0L);
		}
		for (Instant started : history.startTimes(tenantId, ASSISTANCE_PROCESS, first.atDay(1).atStartOfDay(zone).toInstant())) {
			perMonth.merge(YearMonth.from(started.atZone(zone)), 1L, Long::sum);
		}
		return perMonth.entrySet().stream().map(entry -> new Month(entry.getKey(), entry.getValue())).toList();
	}

	private List<Count> byKind(String tenantId, Instant now) {
		Map<String, String> kinds = search.kinds();
		return openWork.instancesByProcess(tenantId, now)
			.stream()
			.map(count -> new Count(kinds.getOrDefault(count.of(), count.of()), count.open(), count.overdue(),
					"/audit?state=ACTIVE&kind=" + count.of()))
			.toList();
	}

	private List<Count> byGroup(String tenantId, Instant now) {
		return openWork.unclaimedByGroup(tenantId, now)
			.stream()
			.map(count -> new Count(StaffGroup.labelOf(count.of()) + "（待领取）", count.open(), count.overdue(),
					"/dashboard/tasks?group=" + count.of()))
			.toList();
	}

	private List<Count> byStaff(String tenantId, Instant now) {
		return openWork.claimedByAssignee(tenantId, now)
			.stream()
			.map(count -> new Count(staffNames.of(count.of()), count.open(), count.overdue(),
					"/dashboard/tasks?assignee=" + count.of()))
			.toList();
	}

	private List<Day> trend(String tenantId, LocalDate today, ZoneId zone, Instant from) {
		Map<LocalDate, long[]> days = new TreeMap<>();
		for (int i = TREND_DAYS - 1; i >= 0; i--) {
			days.put(today.minusDays(i), new long[2]);
		}
		for (EngineHistory.Span span : history.startedOrCompletedSince(tenantId, AuditSearch.CASE_PROCESSES, from)) {
			long[] opened = days.get(span.startedAt().atZone(zone).toLocalDate());
			if (opened != null) {
				opened[0]++;
			}
			if (span.completedAt() != null) {
				long[] closed = days.get(span.completedAt().atZone(zone).toLocalDate());
				if (closed != null) {
					closed[1]++;
				}
			}
		}
		return days.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
	}

	/**
	 * How long complaints and repairs took against the deadline the routing table gave each one:
	 * the first response is the end of the first task, the resolution the end of the case.
	 */
	private Times times(String tenantId, String label, String deadlineVariable, Instant from, Instant to,
			Instant previousFrom, boolean firstResponse) {
		List<long[]> current = durations(tenantId, deadlineVariable, from, to, firstResponse);
		List<long[]> previous = durations(tenantId, deadlineVariable, previousFrom, from, firstResponse);
		long within = current.stream().filter(d -> d[0] <= d[1]).count();
		return new Times(label, current.size(), percentile(current, 50), percentile(current, 90),
				current.isEmpty() ? null : BigDecimal.valueOf(within * 100).divide(BigDecimal.valueOf(current.size()), 1,
						RoundingMode.HALF_UP),
				percentile(previous, 50));
	}

	/** Per case: minutes taken and the deadline in minutes. */
	private List<long[]> durations(String tenantId, String deadlineVariable, Instant from, Instant to,
			boolean firstResponse) {
		List<long[]> durations = new ArrayList<>();
		for (EngineHistory.Timed timed : history.timed(tenantId, AuditSearch.CASE_PROCESSES, deadlineVariable, from, to,
				firstResponse ? FIRST_RESPONSE_TASKS : List.of())) {
			if (timed.doneAt() != null && timed.value() != null) {
				long minutes = Duration.between(timed.startedAt(), timed.doneAt()).toMinutes();
				long deadline = firstResponse ? timed.value() : timed.value() * 60;
				durations.add(new long[] { minutes, deadline });
			}
		}
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

	private Figure satisfaction(String tenantId, Instant from, Instant to, Instant previousFrom) {
		EngineHistory.Numbers current = history.numbers(tenantId, "satisfaction", SATISFACTION_MIN, SATISFACTION_MAX,
				from, to);
		EngineHistory.Numbers previous = history.numbers(tenantId, "satisfaction", SATISFACTION_MIN, SATISFACTION_MAX,
				previousFrom, from);
		long ignored = current.outside();
		return new Figure("回访满意度，" + current.within() + " 份"
				+ (ignored == 0 ? "" : "（另有 " + ignored + " 份超出 " + SATISFACTION_MIN + "–" + SATISFACTION_MAX + " 分，未计入）"),
				average(current), average(previous), "5 分制", "/audit?kind=ReturnVisitProcess&state=COMPLETED");
	}

	/**
	 * The average of the return visits' satisfaction; a value outside the form's range (stored
	 * before the form was enforced) is left out and counted as ignored.
	 */
	private static BigDecimal average(EngineHistory.Numbers numbers) {
		return numbers.average() == null ? null : numbers.average().setScale(2, RoundingMode.HALF_UP);
	}

	/** Received ÷ due of the bills due in the month, in percent to one decimal; null when nothing was due. */
	private BigDecimal collectionRate(long estateId, YearMonth month) {
		Collected sums = ledgerReports.dueBetween(estateId, month.atDay(1), month.atEndOfMonth());
		BigDecimal due = sums.due();
		BigDecimal received = sums.collected();
		return due.signum() == 0 ? null : received.multiply(BigDecimal.valueOf(100)).divide(due, 1, RoundingMode.HALF_UP);
	}

}
