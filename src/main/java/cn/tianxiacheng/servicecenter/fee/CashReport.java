package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.fee.RefundSlips.RefundLine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 收款日报: what one staff member took and handed back on one day, by payment method, for the
 * handover of the cash box. Per method: received (payments that stand; reversed ones are listed
 * but not counted), refunded (退款, money out), and the net the drawer or the account holds.
 * Compensation credits are no money taken and are not in it. The center's day is every staff
 * member's report of the day with its subtotal, and the center's totals per method. Each is of the
 * estate the viewer works in: a staff member of two estates hands over each estate's money apart.
 */
@Component
class CashReport {

	private final JdbcTemplate jdbc;

	private final RefundSlips refunds;

	private final Clock clock;

	CashReport(JdbcTemplate jdbc, RefundSlips refunds, Clock clock) {
		this.jdbc = jdbc;
		this.refunds = refunds;
		this.clock = clock;
	}

	record Line(String receiptNumber, String unitNumber, BigDecimal amount, PaymentMethod method, Timestamp receivedAt,
			boolean reversed) {
	}

	/** One method's money of the day: received, refunded, and what is left to hand over. */
	record MethodTotal(BigDecimal received, BigDecimal refunded, BigDecimal net) {
	}

	record Report(String staff, LocalDate day, List<Line> lines, List<RefundLine> refunds,
			Map<PaymentMethod, MethodTotal> byMethod, BigDecimal received, BigDecimal refunded, BigDecimal total) {

		/** The net of each method, as the handover reads it. */
		public Map<PaymentMethod, BigDecimal> totals() {
			Map<PaymentMethod, BigDecimal> totals = new EnumMap<>(PaymentMethod.class);
			byMethod.forEach((method, total) -> totals.put(method, total.net()));
			return totals;
		}

	}

	/** The center's day: one report per staff member who took or handed back money, and the sums. */
	record CenterReport(LocalDate day, List<Report> byStaff, Map<PaymentMethod, MethodTotal> byMethod,
			BigDecimal received, BigDecimal refunded, BigDecimal total) {
	}

	CenterReport center(long estateId, LocalDate day) {
		List<String> staff = jdbc.queryForList("""
				select p.received_by from payment p join unit_address u on u.unit_id = p.unit_id
				 where u.estate_id = ? and p.received_at >= ? and p.received_at < ? and %s
				union
				select f.refunded_by from refund f join unit_address u on u.unit_id = f.unit_id
				 where u.estate_id = ? and f.refunded_at >= ? and f.refunded_at < ?
				order by 1""".formatted(PaymentMethod.takenAtCounter("p.method")), String.class, estateId, start(day),
				start(day.plusDays(1)), estateId, start(day), start(day.plusDays(1)));
		List<Report> reports = staff.stream().map(id -> of(id, estateId, day)).toList();
		Map<PaymentMethod, MethodTotal> byMethod = new EnumMap<>(PaymentMethod.class);
		for (PaymentMethod method : PaymentMethod.counterMethods()) {
			BigDecimal in = reports.stream().map(r -> r.byMethod().get(method).received()).reduce(Money.ZERO, BigDecimal::add);
			BigDecimal out = reports.stream().map(r -> r.byMethod().get(method).refunded()).reduce(Money.ZERO, BigDecimal::add);
			byMethod.put(method, new MethodTotal(in, out, in.subtract(out)));
		}
		BigDecimal received = reports.stream().map(Report::received).reduce(Money.ZERO, BigDecimal::add);
		BigDecimal refunded = reports.stream().map(Report::refunded).reduce(Money.ZERO, BigDecimal::add);
		return new CenterReport(day, reports, byMethod, received, refunded, received.subtract(refunded));
	}

	private Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
	}

	Report of(String staff, long estateId, LocalDate day) {
		Timestamp from = start(day);
		Timestamp to = start(day.plusDays(1));
		List<Line> lines = jdbc.query("""
				select p.receipt_number, u.unit_number, p.amount, p.method, p.received_at,
				       case when %s then 0 else 1 end as reversed
				  from payment p join unit_address u on u.unit_id = p.unit_id
				 where p.received_by = ? and u.estate_id = ? and p.received_at >= ? and p.received_at < ? and %s
				 order by p.received_at, p.id""".formatted(Standing.payment("p.id"), PaymentMethod.takenAtCounter("p.method")),
				(rs, i) -> new Line(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
				PaymentMethod.valueOf(rs.getString(4)), rs.getTimestamp(5), rs.getInt(6) == 1), staff, estateId, from, to);
		List<RefundLine> refunded = refunds.by(staff, estateId, from, to);
		Map<PaymentMethod, BigDecimal> in = new EnumMap<>(PaymentMethod.class);
		Map<PaymentMethod, BigDecimal> out = new EnumMap<>(PaymentMethod.class);
		for (PaymentMethod method : PaymentMethod.counterMethods()) {
			in.put(method, Money.ZERO);
			out.put(method, Money.ZERO);
		}
		lines.stream().filter(line -> !line.reversed()).forEach(line -> in.merge(line.method(), line.amount(), BigDecimal::add));
		refunded.forEach(refund -> out.merge(refund.method(), refund.amount(), BigDecimal::add));
		Map<PaymentMethod, MethodTotal> byMethod = new EnumMap<>(PaymentMethod.class);
		in.forEach((method, received) -> byMethod.put(method,
				new MethodTotal(received, out.get(method), received.subtract(out.get(method)))));
		BigDecimal received = in.values().stream().reduce(Money.ZERO, BigDecimal::add);
		BigDecimal refundedTotal = out.values().stream().reduce(Money.ZERO, BigDecimal::add);
		return new Report(staff, day, lines, refunded, byMethod, received, refundedTotal, received.subtract(refundedTotal));
	}

}
