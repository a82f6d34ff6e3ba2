package cn.tianxiacheng.servicecenter.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

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

	private static final String FIRST_RESPONSES = "'Task_FirstResponse', 'Task_ScheduleAppointment'";

	/** Return visits of the cases the staff member worked on: their business key is HF- and the case's. */
	private static final String VISITS_OF_THEIR_CASES = """
			select r.BUSINESS_KEY_, v.LONG_ from ACT_HI_VARINST v join ACT_HI_PROCINST r on r.PROC_INST_ID_ = v.PROC_INST_ID_
			 where v.NAME_ = 'satisfaction' and v.LONG_ is not null and v.CREATE_TIME_ >= ? and v.CREATE_TIME_ < ?
			   and exists (select 1 from ACT_HI_TASKINST t join ACT_HI_PROCINST c on c.PROC_INST_ID_ = t.PROC_INST_ID_
			                where t.ASSIGNEE_ = ? and r.BUSINESS_KEY_ = 'HF-' || c.BUSINESS_KEY_)""";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	IndicatorMeasures(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Measure measure(String code, String staffId, HalfMonth period) {
		Timestamp from = Timestamp.from(period.start().atStartOfDay(clock.getZone()).toInstant());
		Timestamp to = Timestamp.from(period.end().plusDays(1).atStartOfDay(clock.getZone()).toInstant());
		return switch (code) {
			case "TASKS_ON_TIME" -> onTime(staffId, from, to, "");
			case "FIRST_RESPONSE_ON_TIME" -> onTime(staffId, from, to, " and t.TASK_DEF_KEY_ in (" + FIRST_RESPONSES + ")");
			case "SATISFACTION" -> satisfaction(staffId, from, to);
			case "REOPENED" -> reopened(staffId, from, to);
			case "RECEIPTS_REVERSED" -> receiptsReversed(staffId, from, to);
			default -> throw new IllegalArgumentException("No measure for indicator " + code);
		};
	}

	/** Percent of the tasks they completed in the period that were done by their due time. */
	private Measure onTime(String staffId, Timestamp from, Timestamp to, String which) {
		int[] counts = new int[2];
		List<String> late = new ArrayList<>();
		jdbc.query("""
				select p.BUSINESS_KEY_, case when t.DUE_DATE_ is null or t.END_TIME_ <= t.DUE_DATE_ then 1 else 0 end
				  from ACT_HI_TASKINST t join ACT_HI_PROCINST p on p.PROC_INST_ID_ = t.PROC_INST_ID_
				 where t.ASSIGNEE_ = ? and t.END_TIME_ >= ? and t.END_TIME_ < ? and t.DELETE_REASON_ = 'completed'"""
				+ which, rs -> {
					counts[0]++;
					if (rs.getInt(2) == 1) {
						counts[1]++;
					}
					else {
						late.add("逾期 " + rs.getString(1));
					}
				}, staffId, from, to);
		if (counts[0] == 0) {
			return Measure.none();
		}
		return new Measure(BigDecimal.valueOf(counts[1] * 100L).divide(BigDecimal.valueOf(counts[0]), 2, RoundingMode.HALF_UP),
				late.isEmpty() ? List.of("共 " + counts[0] + " 个任务，全部按时") : late);
	}

	private Measure satisfaction(String staffId, Timestamp from, Timestamp to) {
		List<String> visits = new ArrayList<>();
		long[] sum = new long[1];
		long[] ignored = new long[1];
		jdbc.query(VISITS_OF_THEIR_CASES, rs -> {
			if (withinForm(rs.getLong(2))) {
				visits.add(rs.getString(1) + "：" + rs.getLong(2) + " 分");
				sum[0] += rs.getLong(2);
			}
			else {
				ignored[0]++;
			}
		}, from, to, staffId);
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
	private Measure reopened(String staffId, Timestamp from, Timestamp to) {
		List<String> reopened = new ArrayList<>();
		long[] ignored = new long[1];
		jdbc.query(VISITS_OF_THEIR_CASES, rs -> {
			if (!withinForm(rs.getLong(2))) {
				ignored[0]++;
			}
			else if (rs.getLong(2) <= 2) {
				reopened.add(rs.getString(1));
			}
		}, from, to, staffId);
		List<String> evidence = new ArrayList<>(reopened);
		if (ignored[0] > 0) {
			evidence.add(ignored(ignored[0]));
		}
		return new Measure(BigDecimal.valueOf(reopened.size()), evidence);
	}

	/** Within the return visit form's range ({@code return-visit.form}); a value outside was stored before it was enforced. */
	private static boolean withinForm(long satisfaction) {
		return satisfaction >= SATISFACTION_MIN && satisfaction <= SATISFACTION_MAX;
	}

	private static String ignored(long count) {
		return "另有 " + count + " 份回访的满意度超出 " + SATISFACTION_MIN + "–" + SATISFACTION_MAX + " 分，未计入";
	}

	private Measure receiptsReversed(String staffId, Timestamp from, Timestamp to) {
		List<String> receipts = jdbc.queryForList("""
				select receipt_number from reversed_receipt
				 where received_by = ? and reversed_at >= ? and reversed_at < ? order by receipt_number""",
				String.class, staffId, from, to);
		return new Measure(BigDecimal.valueOf(receipts.size()), receipts);
	}

}
