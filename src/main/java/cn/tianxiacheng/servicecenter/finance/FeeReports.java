package cn.tianxiacheng.servicecenter.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.fee.Money;
import cn.tianxiacheng.servicecenter.fee.Standing;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The cashier's and the manager's reports: collection rate (实收/应收) of a period, arrears by
 * age, and the income and expense statement of a month.
 */
@Service
class FeeReports {

	/** Paid part of a bill, from payments that stand. */
	private static final String PAID = Standing.paidOn("b.id");

	private static final String STANDING_BILL = Standing.bill("b.id");

	private final JdbcTemplate jdbc;

	private final Clock clock;

	FeeReports(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** 应收, 实收 and their ratio (percent, 2 decimals, half up) of one group of bills. */
	record CollectionRow(String group, BigDecimal due, BigDecimal collected, BigDecimal ratePercent) {

		static CollectionRow of(String group, BigDecimal due, BigDecimal collected) {
			BigDecimal rate = due.signum() == 0 ? BigDecimal.ZERO.setScale(2)
					: collected.multiply(BigDecimal.valueOf(100)).divide(due, 2, RoundingMode.HALF_UP);
			return new CollectionRow(group, Money.yuan(due), Money.yuan(collected), rate);
		}

	}

	record Collection(String period, List<CollectionRow> byBuilding, List<CollectionRow> byItem, CollectionRow total) {
	}

	record AgingRow(String age, int units, int bills, BigDecimal amount) {
	}

	record Aging(LocalDate asOf, List<AgingRow> buckets, BigDecimal total) {
	}

	record StatementLine(String section, String item, BigDecimal amount) {
	}

	record Statement(String period, List<StatementLine> lines, BigDecimal income, BigDecimal expenses,
			BigDecimal surplus) {
	}

	Collection collection(YearMonth period) {
		String base = """
				select %s as grp, sum(b.amount) as due, sum(%s) as collected
				  from bill b join fee_item f on f.id = b.fee_item_id join unit u on u.id = b.unit_id
				  join building bd on bd.id = u.building_id
				 where b.period = ? and f.income = true and %s
				 group by %s order by %s""";
		List<CollectionRow> byBuilding = jdbc.query(base.formatted("bd.number", PAID, STANDING_BILL, "bd.number", "bd.number"),
				(rs, i) -> CollectionRow.of(rs.getInt(1) + "号楼", rs.getBigDecimal(2), rs.getBigDecimal(3)),
				period.toString());
		List<CollectionRow> byItem = jdbc.query(base.formatted("f.name", PAID, STANDING_BILL, "f.name", "f.name"),
				(rs, i) -> CollectionRow.of(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)), period.toString());
		BigDecimal due = byItem.stream().map(CollectionRow::due).reduce(Money.ZERO, BigDecimal::add);
		BigDecimal collected = byItem.stream().map(CollectionRow::collected).reduce(Money.ZERO, BigDecimal::add);
		return new Collection(period.toString(), byBuilding, byItem, CollectionRow.of("合计", due, collected));
	}

	/** What is owed on bills past their due date, by how long: 0–30, 31–90, 91–180, over 180 days. */
	Aging arrears() {
		LocalDate today = LocalDate.now(clock);
		String[] labels = { "0–30 天", "31–90 天", "91–180 天", "180 天以上" };
		int[][] days = { { 0, 30 }, { 31, 90 }, { 91, 180 }, { 181, Integer.MAX_VALUE } };
		List<AgingRow> buckets = new ArrayList<>();
		for (int i = 0; i < labels.length; i++) {
			String label = labels[i];
			LocalDate newest = today.minusDays(Math.max(days[i][0], 1));
			LocalDate oldest = days[i][1] == Integer.MAX_VALUE ? LocalDate.of(1900, 1, 1) : today.minusDays(days[i][1]);
			buckets.add(jdbc.queryForObject("""
					select count(distinct b.unit_id), count(*), coalesce(sum(b.amount - %s), 0)
					  from bill b
					 where b.due_date <= ? and b.due_date >= ? and %s and b.amount > %s""".formatted(PAID, STANDING_BILL, PAID),
					(rs, n) -> new AgingRow(label, rs.getInt(1), rs.getInt(2), Money.yuan(rs.getBigDecimal(3))),
					Date.valueOf(newest), Date.valueOf(oldest)));
		}
		return new Aging(today, buckets, buckets.stream().map(AgingRow::amount).reduce(Money.ZERO, BigDecimal::add));
	}

	/**
	 * 收支表 of a month, on what was received: money received that covers bills, by fee item
	 * (income); deposits received (kept apart, refundable); money received in advance (预存);
	 * and the expenses entered, by category.
	 */
	Statement statement(YearMonth month) {
		Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(clock.getZone()).toInstant());
		Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(clock.getZone()).toInstant());
		List<StatementLine> lines = new ArrayList<>();
		Map<String, BigDecimal> income = new LinkedHashMap<>();
		BigDecimal[] deposits = { Money.ZERO };
		jdbc.query("""
				select f.name, f.income, sum(a.amount) from payment p
				  join payment_allocation a on a.payment_id = p.id
				  join bill b on b.id = a.bill_id join fee_item f on f.id = b.fee_item_id
				 where p.received_at >= ? and p.received_at < ?
				   and %s and %s
				 group by f.name, f.income order by f.name""".formatted(Standing.payment("p.id"), STANDING_BILL), rs -> {
			if (rs.getBoolean(2)) {
				income.put(rs.getString(1), Money.yuan(rs.getBigDecimal(3)));
			}
			else {
				deposits[0] = deposits[0].add(rs.getBigDecimal(3));
			}
		}, from, to);
		BigDecimal received = jdbc.queryForObject("""
				select coalesce(sum(p.amount), 0) from payment p
				 where p.received_at >= ? and p.received_at < ? and %s""".formatted(Standing.payment("p.id")),
				BigDecimal.class, from, to);
		income.forEach((item, amount) -> lines.add(new StatementLine("收入", item, amount)));
		BigDecimal totalIncome = income.values().stream().reduce(Money.ZERO, BigDecimal::add);
		BigDecimal allocated = totalIncome.add(deposits[0]);
		BigDecimal refunds = jdbc.queryForObject(
				"select coalesce(sum(amount), 0) from refund where refunded_at >= ? and refunded_at < ?", BigDecimal.class,
				from, to);
		lines.add(new StatementLine("代收押金（不计收入）", "收取押金", Money.yuan(deposits[0])));
		lines.add(new StatementLine("代收押金（不计收入）", "退还押金", Money.yuan(refunds.negate())));
		lines.add(new StatementLine("预收款（不计收入）", "业主预存", Money.yuan(received.subtract(allocated))));
		List<StatementLine> expenses = jdbc.query("""
				select category, sum(amount) from expense where period = ? group by category order by category""",
				(rs, i) -> new StatementLine("支出", rs.getString(1), Money.yuan(rs.getBigDecimal(2))), month.toString());
		lines.addAll(expenses);
		BigDecimal totalExpenses = expenses.stream().map(StatementLine::amount).reduce(Money.ZERO, BigDecimal::add);
		return new Statement(month.toString(), lines, totalIncome, totalExpenses, totalIncome.subtract(totalExpenses));
	}

}
