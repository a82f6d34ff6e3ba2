package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.fee.Ledger.BillLine;
import cn.tianxiacheng.servicecenter.fee.Ledger.PaymentLine;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 车位租金 of a lease contract: a bill per lease month (from the start day to the day before the
 * same day of the next month), the contract's number as its period and the month's first day as
 * its subject, at the estate's 车位租金 rate; and the pro-rata refund when a lease ends early.
 */
@Service
public class ParkingRent {

	/** What an early end gave back: the part of a month used, the money refunded, the bills reversed. */
	public record RentRefund(BigDecimal usedPart, BigDecimal refunded, int billsReversed) {
	}

	private static final String USED_SUFFIX = "/已用";

	private final UnitRepository units;

	private final FeeItemRepository items;

	private final FeeRateRepository rates;

	private final BillWriter billWriter;

	private final Ledger ledger;

	private final JdbcTemplate jdbc;

	private final FeeProperties properties;

	private final Clock clock;

	ParkingRent(UnitRepository units, FeeItemRepository items, FeeRateRepository rates,
			BillWriter billWriter, Ledger ledger, JdbcTemplate jdbc, FeeProperties properties, Clock clock) {
		this.units = units;
		this.items = items;
		this.rates = rates;
		this.billWriter = billWriter;
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** The monthly rent of a space on the day, for a unit of the estate. */
	@Transactional(readOnly = true)
	public BigDecimal monthlyRent(long unitId, LocalDate on) {
		FeeItem item = item(unitId);
		return Money.yuan(RateCard.of(item, rates.findByFeeItem(item), on).price(null));
	}

	/**
	 * Issues the rent of the lease months {@code from} (0: the first) to {@code to} (excluded) not
	 * billed yet, month {@code i} running from the start's day {@code i} months on to the day before
	 * the next; returns what was issued now.
	 */
	@Transactional
	public BigDecimal issue(String contractNumber, long unitId, String spaceNumber, LocalDate leaseStart, int from,
			int to, BigDecimal monthlyRent, String issuedBy) {
		FeeItem item = item(unitId);
		Set<String> billed = new HashSet<>(jdbc.queryForList(
				"select subject from bill where unit_id = ? and fee_item_id = ? and period = ?", String.class, unitId,
				item.getId(), contractNumber));
		LocalDate today = LocalDate.now(clock);
		List<NewBill> bills = new ArrayList<>();
		for (int month = from; month < to; month++) {
			LocalDate start = leaseStart.plusMonths(month);
			LocalDate end = leaseStart.plusMonths(month + 1L).minusDays(1);
			if (billed.contains(start.toString())) {
				continue;
			}
			LocalDate due = (start.isAfter(today) ? start : today).plusDays(properties.paymentTermDays() - 1L);
			bills.add(new NewBill(unitId, item.getId(), contractNumber, start.toString(), start, end,
					Money.yuan(monthlyRent), due, contractNumber + " 车位租金 " + spaceNumber + " " + start + " 至 " + end));
		}
		billWriter.issue(bills, issuedBy);
		return bills.stream().map(NewBill::amount).reduce(Money.ZERO, BigDecimal::add);
	}

	/** Whether every rent bill of the contract that stands is paid in full. */
	public boolean isPaid(String contractNumber, long unitId) {
		return ledger.bills(unitId)
			.stream()
			.filter(bill -> bill.period().equals(contractNumber))
			.allMatch(bill -> bill.outstanding().signum() == 0);
	}

	/**
	 * 提前退租: every rent bill of the contract for a month after the last day is reversed; the
	 * month the last day falls in is billed again for the days used (rent × days used ÷ days of
	 * that lease month, rounded half up to the fen once), covered by what was paid for it; what was
	 * paid for the rest goes back to the payer (a refund from each payment, in the ledger).
	 */
	@Transactional
	public RentRefund refundAfter(String contractNumber, long unitId, LocalDate lastDay, PaymentMethod method,
			String reason, String by) {
		BigDecimal used = Money.ZERO;
		BigDecimal refunded = Money.ZERO;
		int reversed = 0;
		Timestamp now = Timestamp.from(clock.instant());
		Map<Long, LocalDate[]> months = new HashMap<>();
		jdbc.query("select id, period_start, period_end from bill where unit_id = ? and period = ? and subject not like ?",
				rs -> {
					months.put(rs.getLong(1), new LocalDate[] { rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate() });
				}, unitId, contractNumber, "%" + USED_SUFFIX);
		for (BillLine bill : ledger.bills(unitId)) {
			LocalDate[] month = months.get(bill.id());
			if (month == null || bill.reversed() || !month[1].isAfter(lastDay)) {
				continue;
			}
			LocalDate start = month[0];
			List<PaymentLine> sources = jdbc.query("""
					select a.payment_id, sum(a.amount) from payment_allocation a
					 where a.bill_id = ? and %s
					 group by a.payment_id order by a.payment_id""".formatted(Standing.payment("a.payment_id")),
					(rs, i) -> PaymentLine.of(rs.getLong(1), rs.getBigDecimal(2), null, null, null, null, Money.ZERO, false),
					bill.id());
			ledger.reverseBill(bill.id(), "提前退租：" + reason, by);
			reversed++;
			List<BigDecimal> left = sources.stream().map(PaymentLine::amount).toList();
			if (!start.isAfter(lastDay)) {
				BigDecimal usedPart = usedPart(bill.amount(), start, month[1], lastDay);
				used = used.add(usedPart);
				left = coverUsedPart(bill, start, lastDay, usedPart, sources, by);
			}
			for (int i = 0; i < sources.size(); i++) {
				if (left.get(i).signum() > 0) {
					jdbc.update("""
							insert into refund (unit_id, bill_id, payment_id, amount, method, reason, refunded_at, refunded_by)
							values (?, ?, ?, ?, ?, ?, ?, ?)""", unitId, bill.id(), sources.get(i).id(), left.get(i),
							method.name(), "提前退租：" + reason, now, by);
					refunded = refunded.add(left.get(i));
				}
			}
		}
		return new RentRefund(used, refunded, reversed);
	}

	/** Rent × days used ÷ days of the lease month, half up to the fen. */
	static BigDecimal usedPart(BigDecimal rent, LocalDate monthStart, LocalDate monthEnd, LocalDate lastDay) {
		long daysUsed = ChronoUnit.DAYS.between(monthStart, lastDay) + 1;
		long daysOfMonth = ChronoUnit.DAYS.between(monthStart, monthEnd) + 1;
		return rent.multiply(BigDecimal.valueOf(daysUsed))
			.divide(BigDecimal.valueOf(daysOfMonth), 2, RoundingMode.HALF_UP);
	}

	/** Bills the days used and covers them with the month's payments; returns what is left of each. */
	private List<BigDecimal> coverUsedPart(BillLine bill, LocalDate start, LocalDate lastDay, BigDecimal usedPart,
			List<PaymentLine> sources, String by) {
		String subject = start + USED_SUFFIX;
		billWriter.insert(List.of(new NewBill(bill.unitId(), item(bill.unitId()).getId(), bill.period(), subject, start,
				lastDay, usedPart, LocalDate.now(clock), bill.description() + "（提前退租，租至 " + lastDay + "）")),
				clock.instant(), by);
		BillLine usedBill = ledger.bills(bill.unitId())
			.stream()
			.filter(b -> b.period().equals(bill.period()) && b.subject().equals(subject))
			.findFirst()
			.orElseThrow();
		ledger.allocate(sources, List.of(usedBill));
		List<BigDecimal> left = new ArrayList<>();
		BigDecimal toCover = usedPart;
		for (PaymentLine source : sources) {
			BigDecimal taken = toCover.min(source.amount());
			toCover = toCover.subtract(taken);
			left.add(source.amount().subtract(taken));
		}
		return left;
	}

	private FeeItem item(long unitId) {
		Unit unit = units.findById(unitId).orElseThrow(() -> new BusinessRuleException("房屋不存在：编号 " + unitId));
		return items.findByEstateIdAndCode(unit.getBuilding().getEstate().getId(), BillingRuns.PARKING_RENT)
			.orElseThrow(() -> new BusinessRuleException("小区没有收费项目“车位租金”（" + BillingRuns.PARKING_RENT + "）"));
	}

}
