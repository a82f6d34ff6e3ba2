package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.fee.CaseFees.CaseFee;
import cn.tianxiacheng.servicecenter.fee.Ledger.BillLine;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.RequestOnce;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The charges of a case (its bills, whose period is the case number) as staff see and correct
 * them. A wrong charge is corrected (更正) by a reversal and, if any, a new charge, once per
 * request id; a charge is waived (减免) by a reversal. The ledger keeps every row: a corrected or
 * waived bill stays as it was, its reversal beside it.
 */
@Service
public class CaseCharges {

	static final String CORRECTION_REASON = "更正：";

	static final String WAIVER_REASON = "减免：";

	/** One charge: a bill of the case, what is paid of it, and once reversed, why and by whom. */
	public record Charge(long billId, String itemCode, String itemName, String description, BigDecimal amount,
			BigDecimal paid, BigDecimal outstanding, String status, boolean reversed, String reversalReason,
			String reversedByName) {
	}

	/**
	 * The case's charges; {@code total} is what stands (reversed charges left out), {@code paid}
	 * and {@code outstanding} are of those.
	 */
	public record Charges(List<Charge> lines, BigDecimal total, BigDecimal paid, BigDecimal outstanding) {

		public boolean isEmpty() {
			return lines.isEmpty();
		}

		/** The standing charges in a line each, with their sum, as a form shows them. */
		public String summary() {
			if (lines.stream().allMatch(Charge::reversed)) {
				return "无收费项目";
			}
			StringBuilder text = new StringBuilder();
			lines.stream()
				.filter(charge -> !charge.reversed())
				.forEach(charge -> text.append("- ")
					.append(charge.description())
					.append("：")
					.append(charge.amount().toPlainString())
					.append(" 元（")
					.append(charge.status())
					.append("）\n"));
			return text.append("\n合计 **").append(total.toPlainString()).append(" 元**").toString();
		}

	}

	/** A correction as recorded: the bill reversed and the new one, if any. */
	public record Correction(String requestId, String caseNumber, long reversedBillId, Long newBillId) {
	}

	private final Ledger ledger;

	private final BillWriter billWriter;

	private final UnitRepository units;

	private final FeeItemRepository items;

	private final FeeRateRepository rates;

	private final FeeProperties properties;

	private final RequestOnce requestOnce;

	private final ApplicationEventPublisher events;

	private final StaffNames staffNames;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	CaseCharges(Ledger ledger, BillWriter billWriter, UnitRepository units, FeeItemRepository items,
			FeeRateRepository rates, FeeProperties properties, RequestOnce requestOnce, ApplicationEventPublisher events,
			StaffNames staffNames, JdbcTemplate jdbc, Clock clock) {
		this.ledger = ledger;
		this.billWriter = billWriter;
		this.units = units;
		this.items = items;
		this.rates = rates;
		this.properties = properties;
		this.requestOnce = requestOnce;
		this.events = events;
		this.staffNames = staffNames;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Charges of(String caseNumber, long unitId) {
		Map<Long, String[]> reversals = new HashMap<>();
		jdbc.query("""
				select r.bill_id, r.reason, r.reversed_by from reversal r join bill b on b.id = r.bill_id
				 where b.unit_id = ? and b.period = ?""",
				rs -> {
					reversals.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) });
				}, unitId, caseNumber);
		List<Charge> lines = ledger.bills(unitId)
			.stream()
			.filter(bill -> bill.period().equals(caseNumber))
			.sorted((a, b) -> Long.compare(a.id(), b.id()))
			.map(bill -> {
				String[] reversal = reversals.get(bill.id());
				return new Charge(bill.id(), bill.feeItemCode(), bill.feeItemName(), bill.description(), bill.amount(),
						bill.paid(), bill.outstanding(), bill.status(), bill.reversed(),
						reversal == null ? null : reversal[0], reversal == null ? null : staffNames.of(reversal[1]));
			})
			.toList();
		List<Charge> standing = lines.stream().filter(charge -> !charge.reversed()).toList();
		return new Charges(lines, sum(standing.stream().map(Charge::amount).toList()),
				sum(standing.stream().map(Charge::paid).toList()),
				sum(standing.stream().map(Charge::outstanding).toList()));
	}

	/**
	 * 更正: reverses the case's charge and, when one is given, charges the new one at today's price;
	 * applied once per request id (a retry answers the first correction).
	 */
	public Correction correct(String requestId, String caseNumber, long unitId, long billId, Optional<CaseFee> newCharge,
			String reason, String by) {
		return requestOnce.apply(() -> correctOnce(requestId, caseNumber, unitId, billId, newCharge, reason, by));
	}

	private Correction correctOnce(String requestId, String caseNumber, long unitId, long billId,
			Optional<CaseFee> newCharge, String reason, String by) {
		Optional<Correction> earlier = requestOnce.earlier(requestId, """
				select request_id, case_number, reversed_bill_id, new_bill_id from case_charge_correction
				 where request_id = ?""", (rs, i) -> new Correction(rs.getString(1), rs.getString(2), rs.getLong(3),
				rs.getObject(4) == null ? null : rs.getLong(4)));
		if (earlier.isPresent()) {
			return earlier.get();
		}
		reverse(caseNumber, unitId, billId, CORRECTION_REASON + reason, by);
		Long newBillId = newCharge.map(fee -> charge(caseNumber, unitId, fee, by)).orElse(null);
		jdbc.update("""
				insert into case_charge_correction (request_id, case_number, reversed_bill_id, new_bill_id, reason,
				                                    corrected_at, corrected_by)
				values (?, ?, ?, ?, ?, ?, ?)""", requestId, caseNumber, billId, newBillId, reason,
				Timestamp.from(clock.instant()), by);
		return new Correction(requestId, caseNumber, billId, newBillId);
	}

	/** 减免: waives the case's charge (a reversal); refused when it is not the case's or already reversed. */
	@Transactional
	public void waive(String caseNumber, long unitId, long billId, String reason, String by) {
		reverse(caseNumber, unitId, billId, WAIVER_REASON + reason, by);
	}

	private void reverse(String caseNumber, long unitId, long billId, String reason, String by) {
		BillLine bill = ledger.bill(billId)
			.filter(line -> line.unitId() == unitId && line.period().equals(caseNumber))
			.orElseThrow(() -> new NotFoundException("案件 " + caseNumber + " 没有这笔收费：编号 " + billId));
		if (bill.reversed()) {
			throw new ConflictException("收费“" + bill.description() + "”已经冲正过，不能再冲正");
		}
		ledger.reverseBill(billId, reason, by);
		units.findById(unitId).ifPresent(unit -> events.publishEvent(new PaymentTaken(unit.getId())));
	}

	/** Charges the fee anew at today's price; the bill's subject tells it from the case's first bills. */
	private long charge(String caseNumber, long unitId, CaseFee fee, String by) {
		Unit unit = units.findById(unitId).orElseThrow(() -> new BusinessRuleException("房屋不存在：编号 " + unitId));
		FeeItem item = items.findByEstateIdAndCode(unit.getBuilding().getEstate().getId(), fee.itemCode())
			.orElseThrow(() -> new BusinessRuleException("没有收费项目 " + fee.itemCode()));
		LocalDate today = LocalDate.now(clock);
		BigDecimal price = RateCard.of(item, rates.findByFeeItem(item), today).price(unit.getType());
		String subject = "更正" + (jdbc.queryForObject(
				"select count(*) from case_charge_correction where case_number = ? and new_bill_id is not null",
				Integer.class, caseNumber) + 1);
		billWriter.issue(List.of(new NewBill(unitId, item.getId(), caseNumber, subject, null, null,
				Money.yuan(price.multiply(BigDecimal.valueOf(fee.quantity()))),
				today.plusDays(properties.paymentTermDays() - 1L), caseNumber + " " + item.getName()
						+ (fee.quantity() > 1 ? " ×" + fee.quantity() : "") + "（" + subject + "）")), by);
		return jdbc.queryForObject("select id from bill where unit_id = ? and fee_item_id = ? and period = ? and subject = ?",
				Long.class, unitId, item.getId(), caseNumber, subject);
	}

	private static BigDecimal sum(List<BigDecimal> amounts) {
		return amounts.stream().reduce(Money.ZERO, BigDecimal::add);
	}

}
