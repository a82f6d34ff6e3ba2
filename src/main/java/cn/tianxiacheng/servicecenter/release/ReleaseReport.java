package cn.tianxiacheng.servicecenter.release;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.tianxiacheng.servicecenter.system.BadInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 放行统计: passes issued, used, refused at the gate and expired, per day (in the estate's zone)
 * and per gate.
 */
@Component
class ReleaseReport {

	record Row(LocalDate day, String gate, int issued, int used, int refused, int expired) {
	}

	private static final int MAX_DAYS = 366;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ReleaseReport(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	List<Row> between(long estateId, LocalDate from, LocalDate to) {
		if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new BadInputException("统计区间不正确：结束日期不能早于开始日期，最长一年");
		}
		Timestamp start = Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
		Map<String, int[]> counts = new TreeMap<>();
		count(counts, 0, """
				select p.issued_at, p.gate from release_pass p join unit_address u on u.unit_id = p.unit_id
				 where u.estate_id = ? and p.issued_at >= ? and p.issued_at < ?""", estateId, start, end);
		count(counts, 1, """
				select checked_at, gate from gate_check
				 where estate_id = ? and result = 'RELEASED' and checked_at >= ? and checked_at < ?""", estateId, start, end);
		count(counts, 2, """
				select checked_at, gate from gate_check
				 where estate_id = ? and result = 'REFUSED' and checked_at >= ? and checked_at < ?""", estateId, start, end);
		count(counts, 3, """
				select p.closed_at, p.gate from release_pass p join unit_address u on u.unit_id = p.unit_id
				 where u.estate_id = ? and p.status = 'EXPIRED' and p.closed_at >= ? and p.closed_at < ?""", estateId, start,
				end);
		List<Row> rows = new ArrayList<>();
		counts.forEach((key, c) -> rows.add(new Row(LocalDate.parse(key.substring(0, 10)), key.substring(11), c[0], c[1],
				c[2], c[3])));
		return rows;
	}

	private void count(Map<String, int[]> counts, int column, String sql, long estateId, Timestamp start,
			Timestamp end) {
		jdbc.query(sql, rs -> {
			LocalDate day = rs.getTimestamp(1).toInstant().atZone(clock.getZone()).toLocalDate();
			counts.computeIfAbsent(day + " " + rs.getString(2), key -> new int[4])[column]++;
		}, estateId, start, end);
	}

}
