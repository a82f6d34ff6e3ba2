package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.fee.Ledger.BillLine;
import cn.tianxiacheng.servicecenter.fee.Ledger.PaymentLine;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffAuthorities;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 押金退还: a paid deposit goes back to the owner less deductions. The deposit bill is reversed
 * (the obligation ends), the deductions become a 押金扣款 bill covered by the deposit's money, and
 * the rest is refunded from the payments that covered the deposit, each refund an entry of the
 * ledger. The unit's balance does not move.
 */
@Service
class DepositRefunds {

	static final String DEDUCTION_ITEM = "DEPOSIT_DEDUCTION";

	/** A deduction bill's period: the prefix and the deposit's bill id. */
	static final String DEDUCTION_PERIOD_PREFIX = "YJ-";

	private final UnitRepository units;

	private final FeeItemRepository items;

	private final BillWriter billWriter;

	private final Ledger ledger;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final List<DepositHolder> holders;

	DepositRefunds(UnitRepository units, FeeItemRepository items, BillWriter billWriter, Ledger ledger,
			JdbcTemplate jdbc, Clock clock, List<DepositHolder> holders) {
		this.units = units;
		this.items = items;
		this.billWriter = billWriter;
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.clock = clock;
		this.holders = holders;
	}

	record DepositRefund(long billId, BigDecimal deposit, BigDecimal deduction, BigDecimal refunded) {
	}

	@Transactional
	DepositRefund refund(long billId, BigDecimal deduction, String reason, PaymentMethod method, Authentication staff) {
		StaffAuthorities.requireAny(staff, "只有收费员或经理可以退还押金", StaffGroup.CASHIER, StaffGroup.MANAGER);
		BillLine bill = ledger.bill(billId, Staff.of(staff).estateId());
		holders.forEach(holder -> holder.refundedOnlyBy(bill.period()).ifPresent(step -> {
			throw new BusinessRuleException(step);
		}));
		return refund(billId, deduction, reason, method, staff.getName());
	}

	/** The refund itself, for a caller that checked who may ask for it (a case's settlement after its cashier's task). */
	@Transactional
	DepositRefund refund(long billId, BigDecimal deduction, String reason, PaymentMethod method, String refundedBy) {
		BillLine deposit = ledger.bill(billId).orElseThrow(() -> new NotFoundException("账单不存在：编号 " + billId));
		if (deposit.kind() != FeeKind.DEPOSIT) {
			throw new BusinessRuleException("账单 " + billId + " 不是押金，不能退还");
		}
		if (deposit.reversed()) {
			throw new ConflictException("押金账单 " + billId + " 已冲正或已退还");
		}
		if (deposit.outstanding().signum() > 0) {
			throw new BusinessRuleException("押金尚未缴清（还欠 " + deposit.outstanding() + " 元），不能退还");
		}
		if (deduction.scale() < 0) {
			throw new BadInputException("扣款金额请写成普通的元角分，如 350.00（不用 1e3 之类的写法）");
		}
		if (deduction.signum() < 0 || deduction.scale() > 2 || deduction.compareTo(deposit.amount()) > 0) {
			throw new BusinessRuleException("扣款必须在 0 到押金金额 " + deposit.amount() + " 元之间，最多两位小数");
		}
		List<PaymentLine> sources = jdbc.query("""
				select a.payment_id, sum(a.amount) from payment_allocation a
				 where a.bill_id = ? and %s
				 group by a.payment_id order by a.payment_id""".formatted(Standing.payment("a.payment_id")),
				(rs, i) -> PaymentLine.of(rs.getLong(1), rs.getBigDecimal(2), null, null, null, null, Money.ZERO, false),
				billId);
		ledger.reverseBill(billId, Standing.DEPOSIT_REFUND_REASON + reason, refundedBy);
		List<PaymentLine> left = new ArrayList<>(sources);
		if (deduction.signum() > 0) {
			left = coverDeduction(deposit, deduction, reason, sources, refundedBy);
		}
		Timestamp now = Timestamp.from(clock.instant());
		BigDecimal refunded = Money.ZERO;
		for (PaymentLine source : left) {
			if (source.unallocated().signum() > 0) {
				jdbc.update("""
						insert into refund (unit_id, bill_id, payment_id, amount, method, reason, refunded_at, refunded_by)
						values (?, ?, ?, ?, ?, ?, ?, ?)""", deposit.unitId(), billId, source.id(), source.unallocated(),
						method.name(), reason, now, refundedBy);
				refunded = refunded.add(source.unallocated());
			}
		}
		return new DepositRefund(billId, deposit.amount(), Money.yuan(deduction), refunded);
	}

	/** Issues the deduction bill and covers it with the deposit's money; returns what is left of each payment. */
	private List<PaymentLine> coverDeduction(BillLine deposit, BigDecimal deduction, String reason,
			List<PaymentLine> sources, String by) {
		Unit unit = units.findById(deposit.unitId()).orElseThrow();
		FeeItem item = items.findByEstateIdAndCode(unit.getBuilding().getEstate().getId(), DEDUCTION_ITEM)
			.orElseThrow(() -> new BusinessRuleException("小区没有收费项目“押金扣款”（" + DEDUCTION_ITEM + "），不能扣款"));
		String period = DEDUCTION_PERIOD_PREFIX + deposit.id();
		billWriter.insert(List.of(new NewBill(unit.getId(), item.getId(), period, "", null, null, Money.yuan(deduction),
				LocalDate.now(clock), deposit.description() + " 扣款：" + reason)), clock.instant(), by);
		BillLine deductionBill = ledger.bills(unit.getId()).stream().filter(b -> b.period().equals(period)).findFirst()
			.orElseThrow();
		ledger.allocate(sources, List.of(deductionBill));
		List<PaymentLine> left = new ArrayList<>();
		BigDecimal toCover = Money.yuan(deduction);
		for (PaymentLine source : sources) {
			BigDecimal used = toCover.min(source.amount());
			toCover = toCover.subtract(used);
			left.add(PaymentLine.of(source.id(), source.amount(), null, null, null, null, used, false));
		}
		return left;
	}

}
