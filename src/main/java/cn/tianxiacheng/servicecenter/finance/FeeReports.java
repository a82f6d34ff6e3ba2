package cn.tianxiacheng.servicecenter.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import cn.tianxiacheng.servicecenter.fee.Money;
import cn.tianxiacheng.servicecenter.fee.LedgerReports;
import cn.tianxiacheng.servicecenter.fee.LedgerReports.MonthOnMoney;
import cn.tianxiacheng.servicecenter.fee.LedgerReports.Owed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The cashier's and the manager's reports: collection rate (实收/应收) of a period, arrears by
 * age, and the income and expense statement of a month; each of one estate.
 */
@Service
class FeeReports {

	private final LedgerReports ledger;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	FeeReports(LedgerReports ledger, JdbcTemplate jdbc, Clock clock) {
		this.ledger = ledger;
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

	Collection collection(long estateId, YearMonth period) {
		List<CollectionRow> byBuilding = ledger.collectionByBuilding(estateId, period)
			.stream()
			.map(row -> CollectionRow.of(row.group() + "号楼", row.due(), row.collected()))
			.toList();
		List<CollectionRow> byItem = ledger.collectionByItem(estateId, period)
			.stream()
			.map(row -> CollectionRow.of(row.group(), row.due(), row.collected()))
			.toList();
		BigDecimal due = byItem.stream().map(CollectionRow::due).reduce(Money.ZERO, BigDecimal::add);
		BigDecimal collected = byItem.stream().map(CollectionRow::collected).reduce(Money.ZERO, BigDecimal::add);
		return new Collection(period.toString(), byBuilding, byItem, CollectionRow.of("合计", due, collected));
	}

	/** What is owed on bills past their due date, by how long: 0–30, 31–90, 91–180, over 180 days. */
	Aging arrears(long estateId) {
		LocalDate today = LocalDate.now(clock);
		String[] labels = { "0–30 天", "31–90 天", "91–180 天", "180 天以上" };
		int[][] days = { { 0, 30 }, { 31, 90 }, { 91, 180 }, { 181, Integer.MAX_VALUE } };
		List<AgingRow> buckets = new ArrayList<>();
		for (int i = 0; i < labels.length; i++) {
			LocalDate newest = today.minusDays(Math.max(days[i][0], 1));
			LocalDate oldest = days[i][1] == Integer.MAX_VALUE ? LocalDate.of(1900, 1, 1) : today.minusDays(days[i][1]);
			Owed owed = ledger.owedOnBillsDueBetween(estateId, oldest, newest);
			buckets.add(new AgingRow(labels[i], owed.units(), owed.bills(), Money.yuan(owed.amount())));
		}
		return new Aging(today, buckets, buckets.stream().map(AgingRow::amount).reduce(Money.ZERO, BigDecimal::add));
	}

	/**
	 * 收支表 of a month, on money (收付实现), each line as the month's end saw it
	 * ({@link LedgerReports#month}): 收入 by fee item; 补偿抵扣, 收取押金 and 退还押金, and 业主预存 at
	 * the month's end beside it, not income (a deduction from a deposit is income, 押金扣款, in the
	 * month of the refund); 支出: the expenses entered for the month, by category.
	 */
	Statement statement(long estateId, YearMonth month) {
		MonthOnMoney money = ledger.month(estateId, month);
		List<StatementLine> lines = new ArrayList<>();
		List<StatementLine> income = money.income()
			.stream()
			.map(item -> new StatementLine("收入", item.item(), Money.yuan(item.amount())))
			.toList();
		lines.addAll(income);
		lines.add(new StatementLine("补偿（不计收入）", "补偿抵扣", Money.yuan(money.compensation())));
		lines.add(new StatementLine("代收押金（不计收入）", "收取押金", Money.yuan(money.deposits())));
		lines.add(new StatementLine("代收押金（不计收入）", "退还押金", Money.yuan(money.depositRefunds()).negate()));
		lines.add(new StatementLine("预收款（不计收入）", "业主预存（月末余额）", Money.yuan(money.prepaid())));
		List<StatementLine> expenses = jdbc.query("""
				select category, sum(amount) from expense where estate_id = ? and period = ?
				 group by category order by category""",
				(rs, i) -> new StatementLine("支出", rs.getString(1), Money.yuan(rs.getBigDecimal(2))), estateId,
				month.toString());
		lines.addAll(expenses);
		BigDecimal totalIncome = income.stream().map(StatementLine::amount).reduce(Money.ZERO, BigDecimal::add);
		BigDecimal totalExpenses = expenses.stream().map(StatementLine::amount).reduce(Money.ZERO, BigDecimal::add);
		return new Statement(month.toString(), lines, totalIncome, totalExpenses, totalIncome.subtract(totalExpenses));
	}

}
