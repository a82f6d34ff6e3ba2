package cn.tianxiacheng.servicecenter.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import cn.tianxiacheng.servicecenter.fee.Money;
import cn.tianxiacheng.servicecenter.fee.Standing;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

	private final NamedParameterJdbcTemplate named;

	private final Clock clock;

	FeeReports(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
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
	 * 收支表 of a month, on money (收付实现), each line as the month's end saw it (a reversal made
	 * later does not change a month):
	 * <ul>
	 * <li>收入, by fee item: money of payments taken at the counter that, in the month, went to
	 * bills of an income item; neither the payment nor the bill reversed by the month's end.</li>
	 * <li>补偿抵扣: compensation credits that covered bills in the month; no money came in, so not
	 * income.</li>
	 * <li>收取押金: money that went to deposit bills in the month, whether the deposit is still held
	 * or was refunded since; 退还押金: deposits refunded in the month (money out). A deduction from
	 * a deposit is income (押金扣款) in the month of the refund.</li>
	 * <li>业主预存: the units' prepaid balance at the month's end: money of payments not reversed,
	 * less what covers bills not reversed and what was refunded, as each unit's account shows it.</li>
	 * <li>支出: the expenses entered for the month, by category.</li>
	 * </ul>
	 */
	Statement statement(YearMonth month) {
		Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(clock.getZone()).toInstant());
		Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(clock.getZone()).toInstant());
		MapSqlParameterSource period = new MapSqlParameterSource().addValue("from", from).addValue("to", to);
		String allocatedInMonth = """
				from payment_allocation a join payment p on p.id = a.payment_id
				  join bill b on b.id = a.bill_id join fee_item f on f.id = b.fee_item_id
				 where a.allocated_at >= :from and a.allocated_at < :to and %s""".formatted(standsAtEnd("p.id", "payment_id"));
		List<StatementLine> lines = new ArrayList<>();
		List<StatementLine> income = named.query("select f.name, sum(a.amount) " + allocatedInMonth + """
				   and p.method <> 'COMPENSATION' and f.income = true and %s
				 group by f.name order by f.name""".formatted(standsAtEnd("b.id", "bill_id")), period,
				(rs, i) -> new StatementLine("收入", rs.getString(1), Money.yuan(rs.getBigDecimal(2))));
		lines.addAll(income);
		BigDecimal compensation = sum("select coalesce(sum(a.amount), 0) " + allocatedInMonth + """
				   and p.method = 'COMPENSATION' and %s""".formatted(standsAtEnd("b.id", "bill_id")), period);
		lines.add(new StatementLine("补偿（不计收入）", "补偿抵扣", compensation));
		BigDecimal deposits = sum("select coalesce(sum(a.amount), 0) " + allocatedInMonth + """
				   and p.method <> 'COMPENSATION' and f.income = false and (%s or %s)""".formatted(
				standsAtEnd("b.id", "bill_id"), Standing.settledByRefund("b.id")), period);
		BigDecimal depositRefunds = sum("""
				select coalesce(sum(r.amount), 0) from refund r join bill b on b.id = r.bill_id
				  join fee_item f on f.id = b.fee_item_id
				 where r.refunded_at >= :from and r.refunded_at < :to and f.income = false""", period);
		lines.add(new StatementLine("代收押金（不计收入）", "收取押金", deposits));
		lines.add(new StatementLine("代收押金（不计收入）", "退还押金", depositRefunds.negate()));
		BigDecimal prepaid = sum("""
				select coalesce(sum(p.amount
				         - coalesce((select sum(a.amount) from payment_allocation a
				                      where a.payment_id = p.id and a.allocated_at < :to and %s), 0)
				         - coalesce((select sum(r.amount) from refund r
				                      where r.payment_id = p.id and r.refunded_at < :to), 0)), 0)
				  from payment p where p.received_at < :to and %s""".formatted(standsAtEnd("a.bill_id", "bill_id"),
				standsAtEnd("p.id", "payment_id")), period);
		lines.add(new StatementLine("预收款（不计收入）", "业主预存（月末余额）", prepaid));
		List<StatementLine> expenses = jdbc.query("""
				select category, sum(amount) from expense where period = ? group by category order by category""",
				(rs, i) -> new StatementLine("支出", rs.getString(1), Money.yuan(rs.getBigDecimal(2))), month.toString());
		lines.addAll(expenses);
		BigDecimal totalIncome = income.stream().map(StatementLine::amount).reduce(Money.ZERO, BigDecimal::add);
		BigDecimal totalExpenses = expenses.stream().map(StatementLine::amount).reduce(Money.ZERO, BigDecimal::add);
		return new Statement(month.toString(), lines, totalIncome, totalExpenses, totalIncome.subtract(totalExpenses));
	}

	/** The bill or payment in the column was not reversed before the month's end ({@code :to}). */
	private static String standsAtEnd(String idColumn, String reversalColumn) {
		return "not exists (select 1 from reversal rv where rv.%s = %s and rv.reversed_at < :to)".formatted(reversalColumn,
				idColumn);
	}

	private BigDecimal sum(String sql, MapSqlParameterSource parameters) {
		return Money.yuan(named.queryForObject(sql, parameters, BigDecimal.class));
	}

}
