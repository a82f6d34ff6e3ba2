package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fees of a case (move-in, decoration, a paid repair…): bills whose period is the case's
 * number. Other processes call this through their delegates.
 */
@Service
public class CaseFees {

	private final UnitRepository units;

	private final FeeItemRepository items;

	private final FeeRateRepository rates;

	private final BillWriter billWriter;

	private final Ledger ledger;

	private final JdbcTemplate jdbc;

	private final DepositRefunds depositRefunds;

	private final FeeProperties properties;

	private final Clock clock;

	CaseFees(UnitRepository units, FeeItemRepository items, FeeRateRepository rates, BillWriter billWriter,
			Ledger ledger, DepositRefunds depositRefunds, JdbcTemplate jdbc, FeeProperties properties, Clock clock) {
		this.units = units;
		this.items = items;
		this.rates = rates;
		this.billWriter = billWriter;
		this.ledger = ledger;
		this.depositRefunds = depositRefunds;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** One fee of a case: an item of the estate, so many times its rate. */
	public record CaseFee(String itemCode, int quantity) {

		/** Parses {@code DECORATION_DEPOSIT,ACCESS_CARD*2}: item codes, each with an optional quantity. */
		public static List<CaseFee> parse(String spec) {
			List<CaseFee> fees = new ArrayList<>();
			for (String part : spec.split(",")) {
				String[] codeAndQuantity = part.strip().split("\\*");
				fees.add(new CaseFee(codeAndQuantity[0].strip(),
						codeAndQuantity.length > 1 ? Integer.parseInt(codeAndQuantity[1].strip()) : 1));
			}
			return fees;
		}

	}

	/** A fee item that a case may charge, with its price for the unit. */
	public record ChargeItem(String code, String name, BigDecimal price) {
	}

	/** The one-off fee items of the unit's estate that a case may charge, at today's prices for the unit. */
	@Transactional(readOnly = true)
	public List<ChargeItem> chargeable(long unitId) {
		Unit unit = units.findById(unitId).orElseThrow(() -> new BusinessRuleException("房屋不存在：编号 " + unitId));
		LocalDate today = LocalDate.now(clock);
		return items.findByEstateIdOrderById(unit.getBuilding().getEstate().getId())
			.stream()
			.filter(item -> item.getKind() == FeeKind.ONE_OFF && !item.getCode().equals(DepositRefunds.DEDUCTION_ITEM))
			.map(item -> new ChargeItem(item.getCode(), item.getName(),
					RateCard.of(item, rates.findByFeeItem(item), today).price(unit.getType())))
			.toList();
	}

	/** Computes the case's fees at today's rates and issues the bills not issued yet; returns their total. */
	@Transactional
	public BigDecimal issue(String caseNumber, long unitId, List<CaseFee> fees, String issuedBy) {
		Unit unit = units.findById(unitId).orElseThrow(() -> new BusinessRuleException("房屋不存在：编号 " + unitId));
		LocalDate today = LocalDate.now(clock);
		Set<Long> billedItems = new HashSet<>(jdbc.queryForList(
				"select fee_item_id from bill where unit_id = ? and period = ?", Long.class, unitId, caseNumber));
		List<NewBill> bills = new ArrayList<>();
		for (CaseFee fee : fees) {
			FeeItem item = items.findByEstateIdAndCode(unit.getBuilding().getEstate().getId(), fee.itemCode())
				.orElseThrow(() -> new BusinessRuleException("没有收费项目 " + fee.itemCode()));
			if (fee.quantity() < 1) {
				throw new BusinessRuleException("收费项目“" + item.getName() + "”的数量必须至少为 1");
			}
			if (billedItems.contains(item.getId())) {
				continue;
			}
			BigDecimal price = RateCard.of(item, rates.findByFeeItem(item), today).price(unit.getType());
			BigDecimal amount = Money.yuan(price.multiply(BigDecimal.valueOf(fee.quantity())));
			bills.add(new NewBill(unitId, item.getId(), caseNumber, "", null, null, amount,
					today.plusDays(properties.paymentTermDays() - 1L), caseNumber + " " + item.getName()
							+ (fee.quantity() > 1 ? " ×" + fee.quantity() : "")));
		}
		billWriter.issue(bills, issuedBy);
		return jdbc.queryForObject("select coalesce(sum(amount), 0) from bill where unit_id = ? and period = ?",
				BigDecimal.class, unitId, caseNumber);
	}

	/** Whether every bill of the case that stands is paid in full. */
	public boolean isPaid(String caseNumber, long unitId) {
		return ledger.bills(unitId)
			.stream()
			.filter(bill -> bill.period().equals(caseNumber))
			.allMatch(bill -> bill.outstanding().signum() == 0);
	}

	/** Whether the case's deposit was billed and is held: paid in full and neither refunded nor reversed. */
	public boolean depositHeld(String caseNumber, long unitId) {
		return ledger.bills(unitId)
			.stream()
			.anyMatch(bill -> bill.period().equals(caseNumber) && bill.kind() == FeeKind.DEPOSIT && !bill.reversed()
					&& bill.outstanding().signum() == 0);
	}

	/** The case's deposit as billed, zero when none was. */
	public BigDecimal depositOf(String caseNumber, long unitId) {
		return jdbc.queryForObject("""
				select coalesce(sum(b.amount), 0) from bill b join fee_item f on f.id = b.fee_item_id
				 where b.unit_id = ? and b.period = ? and f.kind = 'DEPOSIT'""", BigDecimal.class, unitId, caseNumber);
	}

	/**
	 * Refunds the case's paid deposit less the deduction (the deposit refund of the ledger);
	 * returns the amount paid back. The caller has checked that the refund was decided.
	 */
	@Transactional
	public BigDecimal refundDeposit(String caseNumber, long unitId, BigDecimal deduction, String reason,
			PaymentMethod method, String refundedBy) {
		long billId = jdbc.queryForList("""
				select b.id from bill b join fee_item f on f.id = b.fee_item_id
				 where b.unit_id = ? and b.period = ? and f.kind = 'DEPOSIT'""", Long.class, unitId, caseNumber)
			.stream()
			.findFirst()
			.orElseThrow(() -> new BusinessRuleException(caseNumber + " 没有押金账单，不能退还押金"));
		return depositRefunds.refund(billId, deduction, reason, method, refundedBy).refunded();
	}

}
