package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 收款日报: what one staff member took on one day, by payment method, for the handover of the
 * cash box. Reversed payments are listed but not counted.
 */
@Component
class CashReport {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	CashReport(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Line(String receiptNumber, String unitNumber, BigDecimal amount, PaymentMethod method, Timestamp receivedAt,
			boolean reversed) {
	}

	record Report(String staff, LocalDate day, List<Line> lines, Map<PaymentMethod, BigDecimal> totals,
			BigDecimal total) {
	}

	Report of(String staff, LocalDate day) {
		Timestamp from = Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
		Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
		List<Line> lines = jdbc.query("""
				select p.receipt_number, u.number, p.amount, p.method, p.received_at,
				       case when %s then 0 else 1 end as reversed
				  from payment p join unit u on u.id = p.unit_id
				 where p.received_by = ? and p.received_at >= ? and p.received_at < ? and p.method <> 'COMPENSATION'
				 order by p.received_at""".formatted(Standing.payment("p.id")), (rs, i) -> new Line(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
				PaymentMethod.valueOf(rs.getString(4)), rs.getTimestamp(5), rs.getInt(6) == 1), staff, from, to);
		Map<PaymentMethod, BigDecimal> totals = new EnumMap<>(PaymentMethod.class);
		for (PaymentMethod method : PaymentMethod.counterMethods()) {
			totals.put(method, Money.ZERO);
		}
		lines.stream().filter(line -> !line.reversed()).forEach(line -> totals.merge(line.method(), line.amount(), BigDecimal::add));
		BigDecimal total = totals.values().stream().reduce(Money.ZERO, BigDecimal::add);
		return new Report(staff, day, lines, totals, total);
	}

}
