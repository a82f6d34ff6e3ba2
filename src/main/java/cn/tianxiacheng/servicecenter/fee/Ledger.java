package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.system.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Component;

/**
 * 台账: what each unit owes and has paid, derived from the append-only bills, payments,
 * allocations and reversals. A reversed bill owes nothing; a reversed payment covers nothing.
 */
@Component
public class Ledger {

	/** Bills of a unit with what is paid of them, oldest due first. */
	private static final String BILLS_OF_UNIT = """
			select b.id, b.unit_id, b.period, b.subject, b.amount, b.due_date, b.description, f.code, f.name, f.kind,
			       %s as paid,
			       case when %s then 0 else 1 end as reversed,
			       case when exists (select 1 from refund r where r.bill_id = b.id) then 1 else 0 end as refunded
			  from bill b join fee_item f on f.id = b.fee_item_id
			 where b.unit_id = ?
			 order by b.due_date, b.id""".formatted(Standing.paidOn("b.id"), Standing.bill("b.id"));

	private static final String BILL = BILLS_OF_UNIT.replace("where b.unit_id = ?", "where b.id = ?");

	private static final String PAYMENT = """
			select id, unit_id, idempotency_key, request_fingerprint, amount, method, receipt_number, received_at,
			       received_by, received_as
			  from payment""";

	/** Payments of a unit with what of them covers bills that stand or was refunded. */
	private static final String PAYMENTS_OF_UNIT = """
			select p.id, p.amount, p.method, p.receipt_number, p.received_at, p.received_by,
			       coalesce((select sum(a.amount) from payment_allocation a
			                  where a.payment_id = p.id and %s), 0)
			       + coalesce((select sum(f.amount) from refund f where f.payment_id = p.id), 0) as allocated,
			       case when %s then 0 else 1 end as reversed
			  from payment p
			 where p.unit_id = ?
			 order by p.received_at, p.id""".formatted(Standing.bill("a.bill_id"), Standing.payment("p.id"));

	private static final String UNITS_WITH_PAYMENTS = """
			select p.unit_id, sum(p.amount) from payment p
			 where %s
			 group by p.unit_id""".formatted(Standing.payment("p.id"));

	/** What of the standing payments covers standing bills or was refunded, by unit. */
	private static final String ALLOCATED_BY_UNIT = """
			select unit_id, sum(amount) from (
			    select p.unit_id, a.amount from payment_allocation a join payment p on p.id = a.payment_id
			     where %s and %s
			    union all
			    select f.unit_id, f.amount from refund f) used
			 group by unit_id""".formatted(Standing.payment("p.id"), Standing.bill("a.bill_id"));

	/** Outstanding money of each unit on standing bills due before the cutoff. */
	private static final String OVERDUE = """
			select b.unit_id, u.unit_number, min(b.due_date) as oldest_due, sum(b.amount - %1$s) as overdue
			  from bill b join unit_address u on u.unit_id = b.unit_id
			 where b.due_date < ?
			   and %2$s
			   and b.amount > %1$s
			   %3$s
			 group by b.unit_id, u.unit_number""";

	private static final RowMapper<Payment> PAYMENT_ROW = (rs, i) -> new Payment(rs.getLong("id"),
			rs.getLong("unit_id"), rs.getString("idempotency_key"), rs.getString("request_fingerprint"),
			rs.getBigDecimal("amount"), PaymentMethod.valueOf(rs.getString("method")), rs.getString("receipt_number"),
			rs.getTimestamp("received_at").toInstant(), rs.getString("received_by"), rs.getString("received_as"));

	private final JdbcTemplate jdbc;

	private final SimpleJdbcInsert insertPayment;

	private final Clock clock;

	Ledger(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.insertPayment = new SimpleJdbcInsert(jdbc).withTableName("payment").usingGeneratedKeyColumns("id");
		this.clock = clock;
	}

	/** A bill with what is paid of it and what is still owed ({@code outstanding}). */
	public record BillLine(long id, long unitId, String feeItemCode, String feeItemName, FeeKind kind, String period,
			String subject, BigDecimal amount, LocalDate dueDate, String description, BigDecimal paid,
			boolean reversed, BigDecimal outstanding, String status) {

		static BillLine of(long id, long unitId, String feeItemCode, String feeItemName, FeeKind kind, String period,
				String subject, BigDecimal amount, LocalDate dueDate, String description, BigDecimal paid,
				boolean reversed, boolean refunded) {
			BigDecimal outstanding = reversed ? Money.ZERO : amount.subtract(paid);
			String status = refunded ? "已退还" : reversed ? "已冲正"
					: paid.signum() == 0 ? "未缴" : outstanding.signum() == 0 ? "已缴清" : "部分缴纳";
			return new BillLine(id, unitId, feeItemCode, feeItemName, kind, period, subject, amount, dueDate, description,
					paid, reversed, outstanding, status);
		}

		/** The period as staff read it (2026年12月, 押金抵扣…), not its stored key. */
		public String periodLabel() {
			return BillPeriods.label(period);
		}

	}

	/** A payment with what of it covers bills and what is left as prepaid money ({@code unallocated}). */
	public record PaymentLine(long id, BigDecimal amount, PaymentMethod method, String receiptNumber,
			Timestamp receivedAt, String receivedBy, BigDecimal allocated, boolean reversed, BigDecimal unallocated) {

		static PaymentLine of(long id, BigDecimal amount, PaymentMethod method, String receiptNumber,
				Timestamp receivedAt, String receivedBy, BigDecimal allocated, boolean reversed) {
			return new PaymentLine(id, amount, method, receiptNumber, receivedAt, receivedBy, allocated, reversed,
					reversed ? Money.ZERO : amount.subtract(allocated));
		}

	}

	private static final RowMapper<BillLine> BILL_LINE = (rs, i) -> BillLine.of(rs.getLong("id"),
			rs.getLong("unit_id"), rs.getString("code"), rs.getString("name"), FeeKind.valueOf(rs.getString("kind")),
			rs.getString("period"), rs.getString("subject"), rs.getBigDecimal("amount"),
			rs.getDate("due_date").toLocalDate(), rs.getString("description"), Money.yuan(rs.getBigDecimal("paid")),
			rs.getInt("reversed") == 1, rs.getInt("refunded") == 1);

	/** Whether the unit is one of the estate's: a unit of another estate is, to its staff, no unit. */
	public boolean isOfEstate(long unitId, long estateId) {
		return jdbc.queryForObject("select count(*) from unit_address where unit_id = ? and estate_id = ?",
				Integer.class, unitId, estateId) > 0;
	}

	public List<BillLine> bills(long unitId) {
		return jdbc.query(BILLS_OF_UNIT, BILL_LINE, unitId);
	}

	Optional<BillLine> bill(long billId) {
		return jdbc.query(BILL, BILL_LINE, billId).stream().findFirst();
	}

	/** A bill of the estate's units; another estate's is not found. */
	BillLine bill(long billId, long estateId) {
		return bill(billId).filter(bill -> isOfEstate(bill.unitId(), estateId))
			.orElseThrow(() -> new NotFoundException("账单不存在：编号 " + billId));
	}

	public List<PaymentLine> payments(long unitId) {
		return jdbc.query(PAYMENTS_OF_UNIT,
				(rs, i) -> PaymentLine.of(rs.getLong("id"), rs.getBigDecimal("amount"),
						PaymentMethod.valueOf(rs.getString("method")), rs.getString("receipt_number"),
						rs.getTimestamp("received_at"), rs.getString("received_by"),
						Money.yuan(rs.getBigDecimal("allocated")), rs.getInt("reversed") == 1),
				unitId);
	}

	/** A unit's account: its bills and payments, what it owes, what it paid in advance, its balance. */
	public record Account(long unitId, String unitNumber, BigDecimal balance, BigDecimal outstanding,
			BigDecimal prepaid, List<BillLine> bills, List<PaymentLine> payments) {
	}

	public Account account(long unitId, String unitNumber) {
		List<BillLine> bills = bills(unitId);
		List<PaymentLine> payments = payments(unitId);
		return new Account(unitId, unitNumber, balance(unitId),
				bills.stream().map(BillLine::outstanding).reduce(Money.ZERO, BigDecimal::add),
				payments.stream().map(PaymentLine::unallocated).reduce(Money.ZERO, BigDecimal::add), bills, payments);
	}

	/** The sum of the unit's ledger entries: positive is owed, negative is paid in advance. */
	public BigDecimal balance(long unitId) {
		BigDecimal sum = jdbc.queryForObject("select coalesce(sum(amount), 0) from ledger_entry where unit_id = ?",
				BigDecimal.class, unitId);
		return Money.yuan(sum);
	}

	/** What a unit owes on bills overdue, net of the money it paid in advance. */
	public record Arrears(long unitId, String unitNumber, BigDecimal amount, LocalDate oldestDueDate) {

		Arrears lessCredit(BigDecimal credit) {
			return new Arrears(unitId, unitNumber, amount.subtract(credit), oldestDueDate);
		}

	}

	/** The estate's units with unpaid bills due before the cutoff. */
	public List<Arrears> arrears(long estateId, LocalDate dueBefore) {
		return lessCredit(jdbc.query(overdue("and u.estate_id = ?"), ARREARS, Date.valueOf(dueBefore), estateId));
	}

	private static final RowMapper<Arrears> ARREARS = (rs, i) -> new Arrears(rs.getLong(1), rs.getString(2),
			Money.yuan(rs.getBigDecimal(4)), rs.getDate(3).toLocalDate());

	private List<Arrears> lessCredit(List<Arrears> overdue) {
		Map<Long, BigDecimal> credit = creditByUnit();
		return overdue.stream()
			.map(arrears -> arrears.lessCredit(credit.getOrDefault(arrears.unitId(), Money.ZERO)))
			.filter(arrears -> arrears.amount().signum() > 0)
			.toList();
	}

	/** Whether the unit has no bill left to pay, due or not. */
	public boolean owesNothing(long unitId) {
		return bills(unitId).stream().allMatch(bill -> bill.outstanding().signum() == 0);
	}

	/** Whether the unit owes anything that was due before today, more than it paid in advance. */
	public boolean isInArrears(long unitId) {
		BigDecimal overdue = jdbc
			.query(overdue("and b.unit_id = ?"), (rs, i) -> rs.getBigDecimal(4), Date.valueOf(LocalDate.now(clock)), unitId)
			.stream()
			.findFirst()
			.orElse(Money.ZERO);
		BigDecimal credit = payments(unitId).stream().map(PaymentLine::unallocated).reduce(Money.ZERO, BigDecimal::add);
		return overdue.compareTo(credit) > 0;
	}

	private static String overdue(String unitCondition) {
		return OVERDUE.formatted(Standing.paidOn("b.id"), Standing.bill("b.id"), unitCondition);
	}

	boolean hasRefunds(long paymentId) {
		return jdbc.queryForObject("select count(*) from refund where payment_id = ?", Integer.class, paymentId) > 0;
	}

	/** Units whose payments hold money not yet covering any bill. */
	Collection<Long> unitsWithCredit() {
		return creditByUnit().keySet();
	}

	/** The money each unit paid that covers no bill yet (its 预存), for the units that have some. */
	private Map<Long, BigDecimal> creditByUnit() {
		Map<Long, BigDecimal> credit = new HashMap<>();
		jdbc.query(UNITS_WITH_PAYMENTS, rs -> {
			credit.put(rs.getLong(1), rs.getBigDecimal(2));
		});
		jdbc.query(ALLOCATED_BY_UNIT, rs -> {
			BigDecimal allocated = rs.getBigDecimal(2);
			credit.computeIfPresent(rs.getLong(1), (unit, paid) -> paid.subtract(allocated));
		});
		credit.values().removeIf(amount -> amount.signum() <= 0);
		return credit;
	}

	/**
	 * Lets the unit's prepaid money cover its outstanding bills: the oldest payment's remainder
	 * first, onto the oldest bill first.
	 */
	List<Allocation> applyCredit(long unitId) {
		List<PaymentLine> withCredit = new ArrayList<>(
				payments(unitId).stream().filter(p -> p.unallocated().signum() > 0).toList());
		List<BillLine> open = bills(unitId).stream().filter(b -> b.outstanding().signum() > 0).toList();
		return allocate(withCredit, open);
	}

	/** Covers the bills, in order, with the payments' unallocated money, in order; returns what it allocated. */
	List<Allocation> allocate(List<PaymentLine> payments, List<BillLine> bills) {
		Timestamp now = Timestamp.from(clock.instant());
		List<Allocation> allocations = new ArrayList<>();
		int p = 0;
		BigDecimal left = payments.isEmpty() ? Money.ZERO : payments.get(0).unallocated();
		for (BillLine bill : bills) {
			BigDecimal due = bill.outstanding();
			while (due.signum() > 0 && p < payments.size()) {
				BigDecimal part = due.min(left);
				if (part.signum() > 0) {
					allocations.add(new Allocation(payments.get(p).id(), bill.id(), part));
					due = due.subtract(part);
					left = left.subtract(part);
				}
				if (left.signum() == 0 && ++p < payments.size()) {
					left = payments.get(p).unallocated();
				}
			}
		}
		jdbc.batchUpdate("insert into payment_allocation (payment_id, bill_id, amount, allocated_at) values (?, ?, ?, ?)",
				allocations.stream().map(a -> new Object[] { a.paymentId(), a.billId(), a.amount(), now }).toList());
		return allocations;
	}

	/** A payment to record: the ledger numbers it and stamps the time. */
	record NewPayment(long unitId, String idempotencyKey, String requestFingerprint, BigDecimal amount,
			PaymentMethod method, String receiptNumber, String receivedBy, String receivedAs) {
	}

	/** A payment as recorded, with what of it covers which bill ({@code covered}). */
	record RecordedPayment(Payment payment, List<Allocation> covered) {
	}

	/** The part of a payment that covers one bill. */
	public record Allocation(long paymentId, long billId, BigDecimal amount) {
	}

	/**
	 * Records a payment and lets it cover the chosen bills, or (none chosen) the unit's oldest bills
	 * with all its prepaid money; returns the payment and what of it covered which bill.
	 */
	RecordedPayment recordPayment(NewPayment payment, List<BillLine> chosen) {
		// as the database keeps it: a retry that reads the payment back answers the very same receipt
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		long id = insert(payment, now);
		Payment recorded = new Payment(id, payment.unitId(), payment.idempotencyKey(), payment.requestFingerprint(),
				payment.amount(), payment.method(), payment.receiptNumber(), now, payment.receivedBy(),
				payment.receivedAs());
		List<Allocation> allocations = chosen == null ? applyCredit(payment.unitId())
				: allocate(List.of(PaymentLine.of(id, payment.amount(), payment.method(), payment.receiptNumber(),
						Timestamp.from(now), payment.receivedBy(), Money.ZERO, false)), chosen);
		return new RecordedPayment(recorded, allocations.stream().filter(a -> a.paymentId() == id).toList());
	}

	/**
	 * 期初预存: what the unit had paid in advance in the system its estate comes from, as a payment
	 * received on the day its balances were taken over ({@code asOf}); it covers the unit's open bills
	 * (its opening arrears) at once, as any prepaid money does.
	 */
	void recordOpeningCredit(NewPayment credit, Instant asOf) {
		insert(credit, asOf);
		applyCredit(credit.unitId());
	}

	private long insert(NewPayment payment, Instant receivedAt) {
		return insertPayment.executeAndReturnKey(Map.of("unit_id", payment.unitId(), "idempotency_key",
				payment.idempotencyKey(), "request_fingerprint", payment.requestFingerprint(), "amount", payment.amount(),
				"method", payment.method().name(), "receipt_number", payment.receiptNumber(), "received_at",
				Timestamp.from(receivedAt), "received_by", payment.receivedBy(), "received_as", payment.receivedAs()))
			.longValue();
	}

	Optional<Payment> payment(long paymentId) {
		return jdbc.query(PAYMENT + " where id = ?", PAYMENT_ROW, paymentId).stream().findFirst();
	}

	Optional<Payment> paymentWithIdempotencyKey(String idempotencyKey) {
		return jdbc.query(PAYMENT + " where idempotency_key = ?", PAYMENT_ROW, idempotencyKey).stream().findFirst();
	}

	/** What of a payment covers which bill, reversed bills included. */
	List<Allocation> allocationsOf(long paymentId) {
		return jdbc.query("select payment_id, bill_id, amount from payment_allocation where payment_id = ? order by id",
				(rs, i) -> new Allocation(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)), paymentId);
	}

	boolean isReversed(Payment payment) {
		return jdbc.queryForObject("select count(*) from reversal where payment_id = ?", Integer.class,
				payment.id()) > 0;
	}

	/** 冲正: undoes one bill; the bill stays as it was. */
	void reverseBill(long billId, String reason, String by) {
		jdbc.update("insert into reversal (bill_id, reason, reversed_at, reversed_by) values (?, ?, ?, ?)", billId,
				reason, Timestamp.from(clock.instant()), by);
	}

	/** 冲正: undoes one payment; the payment stays as it was. */
	void reversePayment(long paymentId, String reason, String by) {
		jdbc.update("insert into reversal (payment_id, reason, reversed_at, reversed_by) values (?, ?, ?, ?)",
				paymentId, reason, Timestamp.from(clock.instant()), by);
	}

}
