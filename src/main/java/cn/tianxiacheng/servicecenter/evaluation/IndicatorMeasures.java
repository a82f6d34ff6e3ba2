package cn.tianxiacheng.servicecenter.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.tianxiacheng.servicecenter.system.EngineHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The measurable indicators of a staff member over a half month, each with the cases behind it,
 * from the engine's history (tasks completed on time, first responses, return visits of the cases
 * they worked) and the app's records (receipts reversed).
 */
@Component
class IndicatorMeasures {

	/** A figure (null: nothing to measure in the period) and the cases or receipts behind it. */
	record Measure(BigDecimal value, List<String> evidence) {

		static Measure none() {
			return new Measure(null, List.of());
		}

	}

	private static final int SATISFACTION_MIN = 1;

	private static final int SATISFACTION_MAX = 5;

	private static final List<String> FIRST_RESPONSES = List.of("Task_FirstResponse", "Task_ScheduleAppointment");

	/** A return visit's business key is this and its case's. */
	private static final String RETURN_VISIT_PREFIX = "HF-";

	private final EngineHistory history;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	IndicatorMeasures(EngineHistory history, JdbcTemplate jdbc, Clock clock) {
		this.history = history;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Measure measure(String code, String staffId, HalfMonth period) {
		Instant from = period.start().atStartOfDay(clock.getZone()).toInstant();
		Instant to = period.end().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
		return switch (code) {
			case "TASKS_ON_TIME" -> onTime(staffId, from, to, List.of());
			case "FIRST_RESPONSE_ON_TIME" -> onTime(staffId, from, to, FIRST_RESPONSES);
			case "SATISFACTION" -> satisfaction(staffId, from, to);
			case "REOPENED" -> reopened(staffId, from, to);
			case "RECEIPTS_REVERSED" -> receiptsReversed(staffId, from, to);
			default -> throw new IllegalArgumentException("No measure for indicator " + code);
		};
	}

	/** Percent of the tasks they completed in the period that were done by their due time. */
	private Measure onTime(String staffId, Instant from, Instant to, List<String> taskKeys) {
		int[] counts = new int[2];
		List<String> late = new ArrayList<>();
		for (EngineHistory.CompletedTask task : history.completedBy(staffId, from, to, taskKeys)) {
			counts[0]++;
			if (task.onTime()) {
				counts[1]++;
			}
			else {
				late.add("逾期 " + task.businessKey());
			}
		}
		if (counts[0] == 0) {
			return Measure.none();
		}
		return new Measure(BigDecimal.valueOf(counts[1] * 100L).divide(BigDecimal.valueOf(counts[0]), 2, RoundingMode.HALF_UP),
				late.isEmpty() ? List.of("共 " + counts[0] + " 个任务，全部按时") : late);
	}

	private Measure satisfaction(String staffId, Instant from, Instant to) {
		List<String> visits = new ArrayList<>();
		long[] sum = new long[1];
		long[] ignored = new long[1];
		for (EngineHistory.Recorded visit : visitsOfTheirCases(staffId, from, to)) {
			if (withinForm(visit.value())) {
				visits.add(visit.businessKey() + "：" + visit.value() + " 分");
				sum[0] += visit.value();
			}
			else {
				ignored[0]++;
			}
		}
		if (visits.isEmpty()) {
			return Measure.none();
		}
		BigDecimal average = BigDecimal.valueOf(sum[0]).divide(BigDecimal.valueOf(visits.size()), 2, RoundingMode.HALF_UP);
		if (ignored[0] > 0) {
			visits.add(ignored(ignored[0]));
		}
		return new Measure(average, visits);
	}

	/** Cases they worked whose return visit found the owner dissatisfied (2 points or less): reopened. */
	private Measure reopened(String staffId, Instant from, Instant to) {
		List<String> reopened = new ArrayList<>();
		long[] ignored = new long[1];
		for (EngineHistory.Recorded visit : visitsOfTheirCases(staffId, from, to)) {
			if (!withinForm(visit.value())) {
				ignored[0]++;
			}
			else if (visit.value() <= 2) {
				reopened.add(visit.businessKey());
			}
		}
		List<String> evidence = new ArrayList<>(reopened);
		if (ignored[0] > 0) {
			evidence.add(ignored(ignored[0]));
		}
		return new Measure(BigDecimal.valueOf(reopened.size()), evidence);
	}

	/** The satisfaction recorded by the return visits of the cases the staff member worked on. */
	private List<EngineHistory.Recorded> visitsOfTheirCases(String staffId, Instant from, Instant to) {
		return history.recordedByFollowUps("satisfaction", RETURN_VISIT_PREFIX, staffId, from, to);
	}

	/** Within the return visit form's range ({@code return-visit.form}); a value outside was stored before it was enforced. */
	private static boolean withinForm(long satisfaction) {
		return satisfaction >= SATISFACTION_MIN && satisfaction <= SATISFACTION_MAX;
	}

	private static String ignored(long count) {
		return "另有 " + count + " 份回访的满意度超出 " + SATISFACTION_MIN + "–" + SATISFACTION_MAX + " 分，未计入";
	}

	private Measure receiptsReversed(String staffId, Instant from, Instant to) {
		List<String> receipts = jdbc.queryForList("""
				select receipt_number from reversed_receipt
				 where received_by = ? and reversed_at >= ? and reversed_at < ? order by receipt_number""",
				String.class, staffId, Timestamp.from(from), Timestamp.from(to));
		return new Measure(BigDecimal.valueOf(receipts.size()), receipts);
	}

}
