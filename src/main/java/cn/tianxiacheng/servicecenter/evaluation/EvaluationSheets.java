package cn.tianxiacheng.servicecenter.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.evaluation.EvaluationStandards.Indicator;
import cn.tianxiacheng.servicecenter.system.EstateRef;
import cn.tianxiacheng.servicecenter.evaluation.IndicatorMeasures.Measure;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The half-monthly sheets (考核表): made with every measured indicator and the cases behind it,
 * then the supervisor's judged items and comment, the staff member's confirmation or appeal, the
 * appeal's decision and the director's approval, each written once by the step that owns it.
 * The total is given once the supervisor has scored: the points scored out of the weights that
 * could be scored, scaled to 100, and only when those weights are at least half of the sheet's
 * (a total over one indicator of six would compare nobody with anybody).
 */
@Component
class EvaluationSheets {

	static final List<String> JUDGED = List.of("ATTITUDE", "APPEARANCE", "TRAINING");

	record Sheet(long id, String number, String staffId, String post, LocalDate periodStart, LocalDate periodEnd,
			String status, BigDecimal totalScore, String supervisorComment, String scoredBy, String staffResponse,
			String appealReason, String appealDecision, String appealComment, String approvedBy, Timestamp approvedAt,
			long estateId) {

		public String statusLabel() {
			return switch (status) {
				case "MEASURED" -> "待主管评分";
				case "SCORED" -> "待本人确认";
				case "APPEALED" -> "申诉中";
				case "CONFIRMED" -> "待主任审批";
				case "APPROVED" -> "已审批";
				default -> status;
			};
		}

	}

	record Item(String code, String name, int weight, boolean judged, BigDecimal measured, BigDecimal score,
			String evidence) {
	}

	private final JdbcTemplate jdbc;

	private final EvaluationStandards standards;

	private final IndicatorMeasures measures;

	private final Clock clock;

	EvaluationSheets(JdbcTemplate jdbc, EvaluationStandards standards, IndicatorMeasures measures, Clock clock) {
		this.jdbc = jdbc;
		this.standards = standards;
		this.measures = measures;
		this.clock = clock;
	}

	/** The staff member's sheet of the half month, if made. */
	Optional<Sheet> of(String staffId, HalfMonth period) {
		return jdbc.query("select * from evaluation_sheet where staff_id = ? and period_start = ?", (rs, i) -> sheet(rs),
				staffId, Date.valueOf(period.start()))
			.stream()
			.findFirst();
	}

	/** The half month's part of its sheets' numbers: {@code KH-2026-12A-} of {@code TXC-KH-2026-12A-003}. */
	static String periodPart(HalfMonth period) {
		return "KH-" + period.key() + "-";
	}

	/**
	 * Makes the sheet of the staff member for the half month with the measured indicators; once.
	 * Its number, {@code TXC-KH-2026-12A-003}, counts the estate's sheets of the half month: staff read
	 * it, so it carries no login id.
	 */
	@Transactional
	Sheet make(String staffId, String post, HalfMonth period, EstateRef estate) {
		Optional<Sheet> existing = of(staffId, period);
		if (existing.isPresent()) {
			return existing.get();
		}
		int made = jdbc.queryForObject("select count(*) from evaluation_sheet where estate_id = ? and period_start = ?",
				Integer.class, estate.id(), Date.valueOf(period.start()));
		String number = estate.code() + "-" + periodPart(period) + "%03d".formatted(made + 1);
		jdbc.update("""
				insert into evaluation_sheet (sheet_number, staff_id, post, period_start, period_end, status, created_at,
				       estate_id)
				values (?, ?, ?, ?, ?, 'MEASURED', ?, ?)""", number, staffId, post, Date.valueOf(period.start()),
				Date.valueOf(period.end()), Timestamp.from(clock.instant()), estate.id());
		long sheetId = jdbc.queryForObject("select id from evaluation_sheet where sheet_number = ?", Long.class, number);
		for (Indicator indicator : standards.ofPost(estate.id(), post)) {
			Measure measure = indicator.judged() ? Measure.none() : measures.measure(indicator.code(), staffId, period);
			jdbc.update("""
					insert into evaluation_item (sheet_id, code, name, weight, judged, measured, score, evidence)
					values (?, ?, ?, ?, ?, ?, ?, ?)""", sheetId, indicator.code(), indicator.name(), indicator.weight(),
					indicator.judged(), measure.value(), indicator.score(measure.value()), evidence(measure));
		}
		return find(number).orElseThrow();
	}

	/** The supervisor's judged items (0 to 10 each) and comment. */
	@Transactional
	void judge(String number, Map<String, Object> judged, String comment, String supervisor, String nextStatus) {
		Sheet sheet = require(number);
		for (Indicator indicator : standards.ofPost(sheet.estateId(), sheet.post())) {
			if (!indicator.judged()) {
				continue;
			}
			BigDecimal value = points(judged.get(indicator.code()), indicator.name());
			jdbc.update("update evaluation_item set measured = ?, score = ? where sheet_id = ? and code = ?", value,
					indicator.score(value), sheet.id(), indicator.code());
		}
		jdbc.update("update evaluation_sheet set supervisor_comment = ?, scored_by = ?, status = ? where id = ?",
				comment, supervisor, nextStatus, sheet.id());
		total(sheet.id());
	}

	@Transactional
	void respond(String number, boolean appeal, String reason) {
		Sheet sheet = require(number);
		if (appeal && (reason == null || reason.isBlank())) {
			throw new BadInputException("申诉时请写明理由");
		}
		jdbc.update("update evaluation_sheet set staff_response = ?, appeal_reason = ?, status = ? where id = ?",
				appeal ? "APPEALED" : "CONFIRMED", appeal ? reason.strip() : null, appeal ? "APPEALED" : "CONFIRMED",
				sheet.id());
	}

	/** Nobody answered within the time allowed: the sheet stands as scored (视为确认). */
	@Transactional
	void confirmedByTimeout(String number) {
		jdbc.update("update evaluation_sheet set staff_response = 'TIMED_OUT', status = 'CONFIRMED' where sheet_number = ?",
				number);
	}

	@Transactional
	void decideAppeal(String number, boolean change, Map<String, Object> judged, String comment, String decidedBy) {
		if (change) {
			judge(number, judged, require(number).supervisorComment(), require(number).scoredBy(), "CONFIRMED");
		}
		jdbc.update("update evaluation_sheet set appeal_decision = ?, appeal_comment = ?, status = 'CONFIRMED' where sheet_number = ?",
				change ? "CHANGED" : "UPHELD", comment, number);
	}

	@Transactional
	void approve(String number, String director) {
		jdbc.update("update evaluation_sheet set status = 'APPROVED', approved_by = ?, approved_at = ? where sheet_number = ?",
				director, Timestamp.from(clock.instant()), number);
	}

	Optional<Sheet> find(String number) {
		return jdbc.query("select * from evaluation_sheet where sheet_number = ?", (rs, i) -> sheet(rs), number)
			.stream()
			.findFirst();
	}

	/** The sheet the system acts on, whichever estate's. */
	Sheet require(String number) {
		return find(number).orElseThrow(() -> new NotFoundException("考核表不存在：" + number));
	}

	Sheet require(long estateId, String number) {
		return jdbc.query("select * from evaluation_sheet where sheet_number = ? and estate_id = ?", (rs, i) -> sheet(rs),
				number, estateId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("考核表不存在：" + number));
	}

	List<Item> items(long sheetId) {
		return jdbc.query("select * from evaluation_item where sheet_id = ? order by judged, id", (rs, i) -> new Item(
				rs.getString("code"), rs.getString("name"), rs.getInt("weight"), rs.getBoolean("judged"),
				rs.getBigDecimal("measured"), rs.getBigDecimal("score"), rs.getString("evidence")), sheetId);
	}

	List<Sheet> ofPeriod(long estateId, LocalDate periodStart) {
		return jdbc.query(
				"select * from evaluation_sheet where estate_id = ? and period_start = ? order by post, staff_id",
				(rs, i) -> sheet(rs), estateId, Date.valueOf(periodStart));
	}

	/** A staff member's sheets in the estate, oldest first: their trend. */
	List<Sheet> trendOf(long estateId, String staffId) {
		return jdbc.query("select * from evaluation_sheet where estate_id = ? and staff_id = ? order by period_start",
				(rs, i) -> sheet(rs), estateId, staffId);
	}

	/** What the forms show of the sheet: every item's figure and points, the total, the comment, an appeal. */
	String summary(String number) {
		Sheet sheet = require(number);
		StringBuilder summary = new StringBuilder();
		for (Item item : items(sheet.id())) {
			summary.append(item.name()).append("：").append(item.measured() == null ? "—" : item.measured().toPlainString())
				.append("（").append(item.score() == null ? "—" : item.score().toPlainString()).append(" / ")
				.append(item.weight()).append(" 分）；");
		}
		summary.append("\n\n**总分 ").append(sheet.totalScore() == null ? "—" : sheet.totalScore().toPlainString())
			.append("**");
		if (sheet.supervisorComment() != null) {
			summary.append("\n\n主管评语：").append(sheet.supervisorComment());
		}
		if (sheet.appealReason() != null) {
			summary.append("\n\n申诉理由：").append(sheet.appealReason());
		}
		return summary.toString();
	}

	private void total(long sheetId) {
		List<Item> items = items(sheetId);
		int weights = items.stream().filter(i -> i.score() != null).mapToInt(Item::weight).sum();
		int allWeights = items.stream().mapToInt(Item::weight).sum();
		BigDecimal points = items.stream().map(Item::score).filter(s -> s != null).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal total = weights == 0 || weights * 2 < allWeights ? null
				: points.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(weights), 2, RoundingMode.HALF_UP);
		jdbc.update("update evaluation_sheet set total_score = ? where id = ?", total, sheetId);
	}

	private static BigDecimal points(Object value, String name) {
		if (!(value instanceof Number number)) {
			throw new BadInputException("请为“" + name + "”打分（0 到 10 分）");
		}
		BigDecimal points = new BigDecimal(number.toString());
		if (points.signum() < 0 || points.compareTo(BigDecimal.TEN) > 0) {
			throw new BadInputException("“" + name + "”的分数应在 0 到 10 之间");
		}
		return points.setScale(2, RoundingMode.HALF_UP);
	}

	private static String evidence(Measure measure) {
		String joined = String.join("；", measure.evidence());
		return joined.length() <= 2000 ? joined : joined.substring(0, 1990) + "……";
	}

	private static Sheet sheet(ResultSet rs) throws SQLException {
		return new Sheet(rs.getLong("id"), rs.getString("sheet_number"), rs.getString("staff_id"), rs.getString("post"),
				rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate(), rs.getString("status"),
				rs.getBigDecimal("total_score"), rs.getString("supervisor_comment"), rs.getString("scored_by"),
				rs.getString("staff_response"), rs.getString("appeal_reason"), rs.getString("appeal_decision"),
				rs.getString("appeal_comment"), rs.getString("approved_by"), rs.getTimestamp("approved_at"),
				rs.getLong("estate_id"));
	}

}
