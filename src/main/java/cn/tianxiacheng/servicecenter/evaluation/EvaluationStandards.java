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
 * edits on a page, not as code. A measured indicator scores full marks at {@code fullAt}, nothing
 * at {@code zeroAt}, linearly between (either may be the larger: fewer reversals are better); a
 * judged one scores what the supervisor gives out of 10.
 */
@Component
class EvaluationStandards {

	record Indicator(long id, String post, String code, String name, int weight, boolean judged, BigDecimal fullAt,
			BigDecimal zeroAt, String changedBy, Timestamp changedAt) {

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

	List<Indicator> all() {
		return jdbc.query("select * from evaluation_indicator order by post, judged, id", (rs, i) -> new Indicator(
				rs.getLong("id"), rs.getString("post"), rs.getString("code"), rs.getString("name"), rs.getInt("weight"),
				rs.getBoolean("judged"), rs.getBigDecimal("full_at"), rs.getBigDecimal("zero_at"), rs.getString("changed_by"),
				rs.getTimestamp("changed_at")));
	}

	List<Indicator> ofPost(String post) {
		return all().stream().filter(indicator -> indicator.post().equals(post)).toList();
	}

	List<String> posts() {
		return all().stream().map(Indicator::post).distinct().toList();
	}

	/** Changes an indicator's weight and rule (a sheet's total is scaled to 100 whatever the weights add up to). */
	@Transactional
	void change(long id, int weight, BigDecimal fullAt, BigDecimal zeroAt, String manager) {
		Indicator indicator = all().stream().filter(i -> i.id() == id).findFirst()
			.orElseThrow(() -> new NotFoundException("考核指标不存在：" + id));
		if (weight < 0 || weight > 100) {
			throw new BadInputException("权重应为 0 到 100 的整数");
		}
		if (!indicator.judged() && (fullAt == null || zeroAt == null || fullAt.compareTo(zeroAt) == 0)) {
			throw new BadInputException("满分值和零分值都要填写，且不能相等");
		}
		jdbc.update("update evaluation_indicator set weight = ?, full_at = ?, zero_at = ?, changed_by = ?, changed_at = ? where id = ?",
				weight, indicator.judged() ? null : fullAt, indicator.judged() ? null : zeroAt, manager,
				Timestamp.from(clock.instant()), id);
	}

}
