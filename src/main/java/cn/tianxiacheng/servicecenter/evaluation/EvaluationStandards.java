package cn.tianxiacheng.servicecenter.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 考核标准: per post, the indicators with their weights and scoring rules, kept as data the manager
 * edits on a page, not as code. An estate follows the company's standard until its manager changes
 * an indicator: then the estate gets a copy of its own and the change goes into the copy. A measured
 * indicator scores full marks at {@code fullAt}, nothing at {@code zeroAt}, linearly between (either
 * may be the larger: fewer reversals are better); a judged one scores what the supervisor gives out of 10.
 */
@Component
class EvaluationStandards {

	record Indicator(long id, String post, String code, String name, int weight, boolean judged, BigDecimal fullAt,
			BigDecimal zeroAt, String changedBy, Timestamp changedAt, boolean companys) {

		/** Points out of the weight: 2 decimals, half up; null when there is nothing to score. */
		BigDecimal score(BigDecimal value) {
			if (value == null) {
				return null;
			}
			BigDecimal fraction = judged ? value.divide(BigDecimal.TEN, 6, RoundingMode.HALF_UP)
					: value.subtract(zeroAt).divide(fullAt.subtract(zeroAt), 6, RoundingMode.HALF_UP);
			fraction = fraction.max(BigDecimal.ZERO).min(BigDecimal.ONE);
			return fraction.multiply(BigDecimal.valueOf(weight)).setScale(2, RoundingMode.HALF_UP);
		}

	}

	private final JdbcTemplate jdbc;

	private final Clock clock;

	EvaluationStandards(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The estate's standard: its own indicators once it has changed one, else the company's. */
	List<Indicator> of(long estateId) {
		List<Indicator> own = query("estate_id = ?", estateId);
		return own.isEmpty() ? query("estate_id is null") : own;
	}

	List<Indicator> ofPost(long estateId, String post) {
		return of(estateId).stream().filter(indicator -> indicator.post().equals(post)).toList();
	}

	List<String> posts(long estateId) {
		return of(estateId).stream().map(Indicator::post).distinct().toList();
	}

	private List<Indicator> query(String where, Object... args) {
		return jdbc.query("select * from evaluation_indicator where " + where + " order by post, judged, id",
				(rs, i) -> new Indicator(rs.getLong("id"), rs.getString("post"), rs.getString("code"), rs.getString("name"),
						rs.getInt("weight"), rs.getBoolean("judged"), rs.getBigDecimal("full_at"), rs.getBigDecimal("zero_at"),
						rs.getString("changed_by"), rs.getTimestamp("changed_at"), rs.getObject("estate_id") == null),
				args);
	}

	/**
	 * Changes an indicator of the estate's standard: its weight and rule (a sheet's total is scaled to 100
	 * whatever the weights add up to). The first change of an estate that follows the company's standard
	 * copies that standard to the estate.
	 */
	@Transactional
	void change(long estateId, long id, int weight, BigDecimal fullAt, BigDecimal zeroAt, String manager) {
		Indicator indicator = of(estateId).stream().filter(i -> i.id() == id).findFirst()
			.orElseThrow(() -> new NotFoundException("考核指标不存在：" + id));
		if (weight < 0 || weight > 100) {
			throw new BadInputException("权重应为 0 到 100 的整数");
		}
		if (!indicator.judged() && (fullAt == null || zeroAt == null || fullAt.compareTo(zeroAt) == 0)) {
			throw new BadInputException("满分值和零分值都要填写，且不能相等");
		}
		if (indicator.companys()) {
			jdbc.update("""
					insert into evaluation_indicator (estate_id, post, code, name, weight, judged, full_at, zero_at,
					       changed_by, changed_at)
					select ?, post, code, name, weight, judged, full_at, zero_at, changed_by, changed_at
					from evaluation_indicator where estate_id is null""", estateId);
		}
		jdbc.update("""
				update evaluation_indicator set weight = ?, full_at = ?, zero_at = ?, changed_by = ?, changed_at = ?
				where estate_id = ? and post = ? and code = ?""", weight, indicator.judged() ? null : fullAt,
				indicator.judged() ? null : zeroAt, manager, Timestamp.from(clock.instant()), estateId, indicator.post(),
				indicator.code());
	}

}
