package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The ledger's sums for the reports other packages show (finance's collection rate, arrears and
 * statement, the dashboard): only what stands ({@link Standing}) counts, of one estate's units.
 * Amounts are exact; the reports round them.
 */
@Service
public class LedgerReports {

	/** Paid part of a bill, from payments that stand. */
	private static final String PAID = Standing.paidOn("b.id");

	private static final String STANDING_BILL = Standing.bill("b.id");

	/** 应收 (due) and 实收 (collected) of a group of bills. */
	public record Collected(String group, BigDecimal due, BigDecimal collected) {
	}

	/** What is owed on bills: of how many units, how many bills, how much. */
	public record Owed(int units, int bills, BigDecimal amount) {
	}

	public record ItemAmount(String item, BigDecimal amount) {
	}

	/**
	 * A month on money, as its end saw it: income by fee item, compensation credits, deposits
	 * collected and refunded, and the units' prepaid balance at the end (see {@link #month}).
	 */
	public record MonthOnMoney(List<ItemAmount> income, BigDecimal compensation, BigDecimal deposits,
			BigDecimal depositRefunds, BigDecimal prepaid) {
	}

	/** A bill issued for a case (its number as the bill's period). */
	public record CaseBill(Instant issuedAt, String issuedBy, String description, BigDecimal amount) {
	}

	/** The part of a payment that covered a bill of a case. */
	public record CasePayment(Instant receivedAt, String receivedBy, String receiptNumber, BigDecimal amount) {
	}

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final Clock clock;

	LedgerReports(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.named = new NamedParameterJdbcTemplate(jdbc);
		this.clock = clock;
	}

	/** The standing bills of income items of the estate's period, by building (its number as the group). */
	public List<Collected> collectionByBuilding(long estateId, YearMonth period) {
		return jdbc.query(collection("u.building_number"),
				(rs, i) -> new Collected(String.valueOf(rs.getInt(1)), rs.getBigDecimal(2), rs.getBigDecimal(3)),
				period.toString(), estateId);
	}

	/** The standing bills of income items of the estate's period, by fee item (its name as the group). */
	public List<Collected> collectionByItem(long estateId, YearMonth period) {
		return jdbc.query(collection("f.name"),
				(rs, i) -> new Collected(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)), period.toString(),
				estateId);
	}

	private static String collection(String group) {
		return """
				select %s as grp, sum(b.amount) as due, sum(%s) as collected
				  from bill b join fee_item f on f.id = b.fee_item_id join unit_address u on u.unit_id = b.unit_id
				 where b.period = ? and u.estate_id = ? and f.income = true and %s
				 group by %s order by %s""".formatted(group, PAID, STANDING_BILL, group, group);
	}

	/** Due and received of the estate's standing bills due between the two days (both included). */
	public Collected dueBetween(long estateId, LocalDate first, LocalDate last) {
		return jdbc.queryForObject("""
				select coalesce(sum(b.amount), 0) as due, coalesce(sum(%s), 0) as received
				  from bill b join unit_address u on u.unit_id = b.unit_id
				 where u.estate_id = ? and b.due_date >= ? and b.due_date <= ? and %s""".formatted(PAID, STANDING_BILL),
				(rs, i) -> new Collected(null, rs.getBigDecimal(1), rs.getBigDecimal(2)), estateId, first, last);
	}

	/** What is still owed on the estate's standing bills due between the two days (both included). */
	public Owed owedOnBillsDueBetween(long estateId, LocalDate oldest, LocalDate newest) {
		return jdbc.queryForObject("""
				select count(distinct b.unit_id), count(*), coalesce(sum(b.amount - %s), 0)
				  from bill b join unit_address u on u.unit_id = b.unit_id
				 where u.estate_id = ? and b.due_date <= ? and b.due_date >= ? and %s and b.amount > %s""".formatted(PAID,
				STANDING_BILL, PAID), (rs, n) -> new Owed(rs.getInt(1), rs.getInt(2), rs.getBigDecimal(3)), estateId,
				Date.valueOf(newest), Date.valueOf(oldest));
	}

	/**
	 * The month on money (收付实现), each sum as the month's end saw it (a reversal made later does
	 * not change a month):
	 * <ul>
	 * <li>income, by fee item: money of payments taken at the counter that, in the month, went to
	 * bills of an income item; neither the payment nor the bill reversed by the month's end. Opening
	 * credit (期初预存) was money taken in the system the estate came from: not this month's.</li>
	 * <li>compensation: compensation credits that covered bills in the month.</li>
	 * <li>deposits: money that went to deposit bills in the month, whether the deposit is still held
	 * or was refunded since; deposit refunds: deposits refunded in the month.</li>
	 * <li>prepaid: the units' prepaid balance at the month's end: money of payments not reversed,
	 * less what covers bills not reversed and what was refunded, as each unit's account shows it.</li>
	 * </ul>
	 */
	public MonthOnMoney month(long estateId, YearMonth month) {
		Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(clock.getZone()).toInstant());
		Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(clock.getZone()).toInstant());
		MapSqlParameterSource period = new MapSqlParameterSource().addValue("from", from).addValue("to", to)
			.addValue("estate", estateId);
		String allocatedInMonth = """
				from payment_allocation a join payment p on p.id = a.payment_id
				  join bill b on b.id = a.bill_id join fee_item f on f.id = b.fee_item_id
				 where f.estate_id = :estate and a.allocated_at >= :from and a.allocated_at < :to
				   and %s""".formatted(standsAtEnd("p.id", "payment_id"));
		List<ItemAmount> income = named.query("select f.name, sum(a.amount) " + allocatedInMonth + """
				   and %s and f.income = true and %s
				 group by f.name order by f.name""".formatted(PaymentMethod.takenAtCounter("p.method"), standsAtEnd("b.id", "bill_id")), period,
				(rs, i) -> new ItemAmount(rs.getString(1), rs.getBigDecimal(2)));
		BigDecimal compensation = sum("select coalesce(sum(a.amount), 0) " + allocatedInMonth + """
				   and p.method = 'COMPENSATION' and %s""".formatted(standsAtEnd("b.id", "bill_id")), period);
		BigDecimal deposits = sum("select coalesce(sum(a.amount), 0) " + allocatedInMonth + """
				   and %s and f.income = false and (%s or %s)""".formatted(PaymentMethod.takenAtCounter("p.method"),
				standsAtEnd("b.id", "bill_id"), Standing.settledByRefund("b.id")), period);
		BigDecimal depositRefunds = sum("""
				select coalesce(sum(r.amount), 0) from refund r join bill b on b.id = r.bill_id
				  join fee_item f on f.id = b.fee_item_id
				 where f.estate_id = :estate and r.refunded_at >= :from and r.refunded_at < :to
				   and f.income = false""", period);
		BigDecimal prepaid = sum("""
				select coalesce(sum(p.amount
				         - coalesce((select sum(a.amount) from payment_allocation a
				                      where a.payment_id = p.id and a.allocated_at < :to and %s), 0)
				         - coalesce((select sum(r.amount) from refund r
				                      where r.payment_id = p.id and r.refunded_at < :to), 0)), 0)
				  from payment p join unit_address u on u.unit_id = p.unit_id
				 where u.estate_id = :estate and p.received_at < :to and %s""".formatted(standsAtEnd("a.bill_id", "bill_id"),
				standsAtEnd("p.id", "payment_id")), period);
		return new MonthOnMoney(income, compensation, deposits, depositRefunds, prepaid);
	}

	/** The bills issued for the case, reversed or not: for its story. */
	public List<CaseBill> billsOfCase(String caseNumber) {
		return jdbc.query("select issued_at, issued_by, description, amount from bill where period = ?",
				(rs, i) -> new CaseBill(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
						rs.getBigDecimal(4)),
				caseNumber);
	}

	/** The payments' parts that covered the case's bills, reversed or not: for its story. */
	public List<CasePayment> paymentsOfCase(String caseNumber) {
		return jdbc.query("""
				select p.received_at, p.received_by, p.receipt_number, a.amount
				  from payment_allocation a join payment p on p.id = a.payment_id join bill b on b.id = a.bill_id
				 where b.period = ?""", (rs, i) -> new CasePayment(rs.getTimestamp(1).toInstant(), rs.getString(2),
				rs.getString(3), rs.getBigDecimal(4)), caseNumber);
	}

	/** The name of the fee item with the code, in any estate, if there is one. */
	public Optional<String> itemName(String code) {
		return jdbc.queryForList("select name from fee_item where code = ?", String.class, code).stream().findFirst();
	}

	/** The bill or payment in the column was not reversed before the month's end ({@code :to}). */
	private static String standsAtEnd(String idColumn, String reversalColumn) {
		return "not exists (select 1 from reversal rv where rv.%s = %s and rv.reversed_at < :to)".formatted(reversalColumn,
				idColumn);
	}

	private BigDecimal sum(String sql, MapSqlParameterSource parameters) {
		return named.queryForObject(sql, parameters, BigDecimal.class);
	}

}
