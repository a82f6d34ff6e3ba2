package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.estate.Owner;
import cn.tianxiacheng.servicecenter.estate.PersonalDataMask;
import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.fee.Ledger.Allocation;
import cn.tianxiacheng.servicecenter.fee.Ledger.BillLine;
import cn.tianxiacheng.servicecenter.fee.Ledger.NewPayment;
import cn.tianxiacheng.servicecenter.fee.Ledger.RecordedPayment;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.NumberSeries;
import cn.tianxiacheng.servicecenter.system.RequestOnce;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffAuthorities;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cashier's work on the ledger: payments with receipts, and reversals. A payment is taken
 * once per request id: a retry returns the first receipt.
 */
@Service
class Cashier {

	private final UnitRepository units;

	private final Ledger ledger;

	private final NumberSeries numberSeries;

	private final FeeProperties properties;

	private final ApplicationEventPublisher events;

	private final StaffNames staffNames;

	private final Clock clock;

	private final RequestOnce requestOnce;

	Cashier(UnitRepository units, Ledger ledger, NumberSeries numberSeries, FeeProperties properties,
			ApplicationEventPublisher events, StaffNames staffNames, Clock clock, RequestOnce requestOnce) {
		this.requestOnce = requestOnce;
		this.units = units;
		this.ledger = ledger;
		this.numberSeries = numberSeries;
		this.properties = properties;
		this.events = events;
		this.staffNames = staffNames;
		this.clock = clock;
	}

	/** A payment to take: for the given bills, or (none given) for the unit's oldest bills first. */
	public record PaymentCommand(String idempotencyKey, long unitId, BigDecimal amount, PaymentMethod method,
			List<Long> billIds) {

		String fingerprint() {
			String billList = billIds == null ? "" : billIds.stream().sorted().map(String::valueOf)
				.collect(Collectors.joining(","));
			String canonical = unitId + "|" + amount.stripTrailingZeros().toPlainString() + "|" + method + "|" + billList;
			try {
				return HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	public record CoveredBill(long billId, String description, BigDecimal amount) {
	}

	/** A line of the printed receipt: one per fee item, its periods as a range (12 months of 物业费 are one line). */
	public record ReceiptLine(String description, BigDecimal amount) {
	}

	/** A receipt: who paid for which unit, what it covered, in figures and in Chinese capitals (大写). */
	public record Receipt(long paymentId, String receiptNumber, long unitId, String unitNumber, String payer,
			BigDecimal amount, String amountInCapitals, PaymentMethod method, String methodLabel, Instant receivedAt,
			String receivedBy, String receivedByName, String receivedAs, List<CoveredBill> coveredBills, List<ReceiptLine> lines,
			BigDecimal prepaid, BigDecimal balance) {

		/** The receipt as a viewer may see it: the payers' names masked for the groups that do not call owners. */
		public Receipt seenWith(PersonalDataMask mask) {
			String names = Arrays.stream(payer.split("、")).map(mask::name).collect(Collectors.joining("、"));
			return new Receipt(paymentId, receiptNumber, unitId, unitNumber, names, amount, amountInCapitals, method,
					methodLabel, receivedAt, receivedBy, receivedByName, receivedAs, coveredBills, lines, prepaid, balance);
		}

	}

	public Receipt takePayment(PaymentCommand command, Authentication staff) {
		return requestOnce.apply(() -> takePaymentOnce(command, staff));
	}

	private Receipt takePaymentOnce(PaymentCommand command, Authentication staff) {
		String fingerprint = command.fingerprint();
		long estateId = Staff.of(staff).estateId();
		var existing = ledger.paymentWithIdempotencyKey(command.idempotencyKey());
		if (existing.isPresent()) {
			if (!ledger.isOfEstate(existing.get().unitId(), estateId)) {
				throw new ConflictException("请求编号 " + command.idempotencyKey() + " 已被使用，请使用新的请求编号");
			}
			return replay(existing.get(), fingerprint);
		}
		String receivedAs = collectingGroup(staff);
		if (!command.method().atCounter()) {
			throw new BadInputException("收款方式只能是现金、微信、支付宝、银行卡或转账");
		}
		if (command.amount().compareTo(properties.maxPayment()) > 0) {
			throw new BusinessRuleException("单笔收款不能超过 " + Money.yuan(properties.maxPayment()).toPlainString() + " 元，请核对金额");
		}
		Unit unit = units.findById(command.unitId())
			.filter(found -> ledger.isOfEstate(found.getId(), estateId))
			.orElseThrow(() -> new BusinessRuleException("房屋不存在：编号 " + command.unitId()));
		List<BillLine> chosen = command.billIds() == null || command.billIds().isEmpty() ? null
				: chosenBills(unit, command.billIds(), estateId);
		RecordedPayment recorded = ledger.recordPayment(new NewPayment(unit.getId(), command.idempotencyKey(),
				fingerprint, Money.yuan(command.amount()), command.method(), nextReceiptNumber(unit), staff.getName(),
				receivedAs), chosen);
		events.publishEvent(new PaymentTaken(unit.getId()));
		return receipt(recorded.payment(), unit, recorded.covered());
	}

	/** {@code TXC-SK2026-000123}: one gapless series a year in the unit's estate. */
	private String nextReceiptNumber(Unit unit) {
		return numberSeries.next(unit.getBuilding().getEstate().getCode(), "SK" + LocalDate.now(clock).getYear(), 6);
	}

	/** The answer to a retried request: the first receipt, or 409 when the request differs. */
	private Receipt replay(Payment payment, String fingerprint) {
		if (!payment.requestFingerprint().equals(fingerprint)) {
			throw new ConflictException("请求编号 " + payment.idempotencyKey() + " 已用于另一笔不同的收款（收据 "
					+ payment.receiptNumber() + "），请使用新的请求编号");
		}
		return reprint(payment);
	}

	/** A receipt of the estate's; another estate's is not found. */
	@Transactional(readOnly = true)
	public Receipt receipt(long paymentId, long estateId) {
		return reprint(payment(paymentId, estateId));
	}

	private Payment payment(long paymentId, long estateId) {
		return ledger.payment(paymentId)
			.filter(payment -> ledger.isOfEstate(payment.unitId(), estateId))
			.orElseThrow(() -> new NotFoundException("收款记录不存在：编号 " + paymentId));
	}

	private Receipt reprint(Payment payment) {
		return receipt(payment, units.findById(payment.unitId()).orElseThrow(), ledger.allocationsOf(payment.id()));
	}

	@Transactional
	public void reversePayment(long paymentId, String reason, Authentication staff) {
		StaffAuthorities.requireAny(staff, "只有收费员或经理可以冲正收款", StaffGroup.CASHIER, StaffGroup.MANAGER);
		Payment payment = payment(paymentId, Staff.of(staff).estateId());
		if (ledger.isReversed(payment)) {
			throw new ConflictException("收款 " + paymentId + " 已经冲正过");
		}
		if (ledger.hasRefunds(paymentId)) {
			throw new ConflictException("收款 " + paymentId + " 中的押金已经退还，不能冲正");
		}
		ledger.reversePayment(paymentId, reason, staff.getName());
	}

	@Transactional
	public void reverseBill(long billId, String reason, Authentication staff) {
		StaffAuthorities.requireAny(staff, "只有经理可以冲正账单", StaffGroup.MANAGER);
		BillLine bill = ledger.bill(billId, Staff.of(staff).estateId());
		if (bill.reversed()) {
			throw new ConflictException("账单 " + billId + " 已经冲正过");
		}
		ledger.reverseBill(billId, reason, staff.getName());
		units.findById(bill.unitId())
			.ifPresent(unit -> events.publishEvent(new PaymentTaken(unit.getId())));
	}

	private Receipt receipt(Payment payment, Unit unit, List<Allocation> allocations) {
		Map<Long, BillLine> unitBills = ledger.bills(unit.getId())
			.stream()
			.collect(Collectors.toMap(BillLine::id, Function.identity()));
		List<CoveredBill> covered = allocations.stream()
			.map(a -> new CoveredBill(a.billId(), unitBills.get(a.billId()).description(), a.amount()))
			.toList();
		BigDecimal allocated = covered.stream().map(CoveredBill::amount).reduce(Money.ZERO, BigDecimal::add);
		String payer = unit.getOwners().stream().map(Owner::getName).collect(Collectors.joining("、"));
		return new Receipt(payment.id(), payment.receiptNumber(), unit.getId(), unit.getNumber(), payer,
				payment.amount(), Money.inChineseCapitals(payment.amount()), payment.method(), payment.method().label(),
				payment.receivedAt(), payment.receivedBy(), staffNames.of(payment.receivedBy()), payment.receivedAs(),
				covered, linesOf(covered, unitBills), payment.amount().subtract(allocated), ledger.balance(unit.getId()));
	}

	static List<ReceiptLine> linesOf(List<CoveredBill> covered, Map<Long, BillLine> bills) {
		Map<String, List<CoveredBill>> byItem = covered.stream()
			.collect(Collectors.groupingBy(c -> bills.get(c.billId()).feeItemName() + "|" + bills.get(c.billId()).subject(),
					LinkedHashMap::new, Collectors.toList()));
		return byItem.values().stream().map(group -> {
			BigDecimal amount = group.stream().map(CoveredBill::amount).reduce(Money.ZERO, BigDecimal::add);
			if (group.size() == 1) {
				return new ReceiptLine(group.get(0).description(), amount);
			}
			List<BillLine> lines = group.stream().map(c -> bills.get(c.billId())).sorted(Comparator.comparing(BillLine::period)).toList();
			BillLine first = lines.get(0);
			String periods = first.period() + " 至 " + lines.get(lines.size() - 1).period() + "（" + lines.size()
					+ (first.period().matches("\\d{4}-\\d{2}") ? " 个月）" : " 期）");
			return new ReceiptLine(first.feeItemName() + (first.subject().isEmpty() ? "" : " " + first.subject()) + " "
					+ periods, amount);
		}).toList();
	}

	private List<BillLine> chosenBills(Unit unit, List<Long> billIds, long estateId) {
		Map<Long, BillLine> unitBills = ledger.bills(unit.getId())
			.stream()
			.collect(Collectors.toMap(BillLine::id, Function.identity()));
		Set<Long> ids = new LinkedHashSet<>(billIds);
		for (Long id : ids) {
			BillLine bill = unitBills.get(id);
			if (bill == null) {
				throw new BusinessRuleException(ledger.bill(id).filter(other -> ledger.isOfEstate(other.unitId(), estateId)).isPresent() ? "账单 " + id + " 不属于房屋 " + unit.getNumber()
						: "账单不存在：编号 " + id);
			}
			if (bill.reversed()) {
				throw new BusinessRuleException("账单 " + id + " 已冲正，不能再缴费");
			}
			if (bill.outstanding().signum() == 0) {
				throw new BusinessRuleException("账单 " + id + " 已缴清");
			}
		}
		return unitBills.values().stream().filter(bill -> ids.contains(bill.id())).sorted(
				Comparator.comparing(BillLine::dueDate).thenComparing(BillLine::id)).toList();
	}

	/** Cashiers take payments; receptionists too when the estate allows it, and that is recorded. */
	private String collectingGroup(Authentication staff) {
		Set<String> groups = StaffAuthorities.groupIds(staff);
		if (groups.contains(StaffGroup.CASHIER.id())) {
			return StaffGroup.CASHIER.id();
		}
		if (groups.contains(StaffGroup.RECEPTION.id()) && properties.receptionMayCollect()) {
			return StaffGroup.RECEPTION.id();
		}
		throw new AccessDeniedException("您的岗位不能收费：收费由收费员办理" + (properties.receptionMayCollect() ? "，收费员不在时可由接待员代收" : ""));
	}

}
