package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.estate.PersonalDataMask;
import cn.tianxiacheng.servicecenter.estate.PersonalDataPolicy;
import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.estate.UnitSearch;
import cn.tianxiacheng.servicecenter.fee.Cashier.Receipt;
import cn.tianxiacheng.servicecenter.fee.Ledger.Account;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.RefusedInputShownOn;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 收费台: the cashier's counter. Find a unit by its number or an owner's name, see its owners,
 * area, bills and balance, take a payment, print the receipt; the day's cash report for the
 * handover, and the center's day for the manager; billing runs after their preview.
 */
@Controller
class CashierPageController {

	private static final int MATCHES_SHOWN = 20;

	private final UnitRepository units;

	private final Ledger ledger;

	private final Cashier cashier;

	private final CashReport cashReport;

	private final OnDemandBilling billing;

	private final DepositRefunds depositRefunds;

	private final FeeItemRepository feeItems;

	private final PersonalDataPolicy personalData;

	private final RefundSlips refundSlips;

	private final UnitSearch unitSearch;

	private final Clock clock;

	CashierPageController(UnitRepository units, Ledger ledger, Cashier cashier, CashReport cashReport,
			OnDemandBilling billing, DepositRefunds depositRefunds, FeeItemRepository feeItems,
			PersonalDataPolicy personalData, RefundSlips refundSlips, UnitSearch unitSearch, Clock clock) {
		this.unitSearch = unitSearch;
		this.personalData = personalData;
		this.refundSlips = refundSlips;
		this.units = units;
		this.ledger = ledger;
		this.cashier = cashier;
		this.cashReport = cashReport;
		this.billing = billing;
		this.depositRefunds = depositRefunds;
		this.feeItems = feeItems;
		this.clock = clock;
	}

	/** A unit number opens its account; otherwise the owners' names are searched, and several matches are listed. */
	@GetMapping("/cashier")
	@Transactional
	String find(@RequestParam(required = false) String number, Authentication viewer, Model model) {
		if (number == null || number.isBlank()) {
			return "cashier/find";
		}
		String text = number.strip();
		model.addAttribute("number", text);
		if (text.length() > UnitSearch.MAX_QUERY_LENGTH) {
			model.addAttribute("error", "房号或姓名过长：最多 " + UnitSearch.MAX_QUERY_LENGTH + " 个字");
			return "cashier/find";
		}
		Staff staff = Staff.of(viewer);
		var unit = units.findByBuildingEstateIdAndNumber(staff.estateId(), text);
		if (unit.isPresent()) {
			return "redirect:/cashier/units/" + unit.get().getId();
		}
		staff.require("按业主姓名查找由收费员、接待员或经理办理", StaffGroup.CASHIER, StaffGroup.RECEPTION, StaffGroup.MANAGER);
		Page<Unit> found = unitSearch.find(staff.estateId(), null, text, 0, MATCHES_SHOWN);
		if (found.getTotalElements() == 1) {
			return "redirect:/cashier/units/" + found.getContent().get(0).getId();
		}
		if (found.isEmpty()) {
			model.addAttribute("error", "没有房号或业主姓名含“" + text + "”的房屋；房号按 楼栋-单元-房号 输入，如 3-2-1501");
			return "cashier/find";
		}
		PersonalDataMask mask = personalData.forNames(staff, "UNIT", found.map(Unit::getNumber).toList(),
				"收费台按业主姓名查找");
		model.addAttribute("matches", found.map(match -> new Match(match.getId(), match.getNumber(), owners(match, mask),
				match.getAreaM2())).toList());
		model.addAttribute("matchCount", found.getTotalElements());
		return "cashier/find";
	}

	/** A unit found by its owner's name, as the list to pick from shows it. */
	record Match(long id, String number, String owners, BigDecimal areaM2) {
	}

	private static String owners(Unit unit, PersonalDataMask mask) {
		return unit.getOwners().stream().map(owner -> mask.name(owner.getName())).collect(Collectors.joining("、"));
	}

	@GetMapping("/cashier/units/{id}")
	String account(@PathVariable long id, Authentication viewer, Model model) {
		showAccount(id, viewer, model);
		model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
		return "cashier/account";
	}

	@PostMapping("/cashier/units/{id}/payments")
	@RefusedInputShownOn("/cashier/units/{id}")
	String pay(@PathVariable long id, @Valid @ModelAttribute PaymentForm form, Authentication staff) {
		Receipt receipt = cashier.takePayment(form.toCommand(id), staff);
		return "redirect:/cashier/receipts/" + receipt.paymentId();
	}

	/** 生成账单 on demand, from the counter: first what the run would issue, to confirm. Nothing is issued here. */
	@GetMapping("/cashier/billing-runs/preview")
	@RefusedInputShownOn("/cashier")
	String previewBillingRun(@RequestParam String kind, @RequestParam String period, Authentication staff,
			HttpServletResponse response, Model model) {
		model.addAttribute("kind", kind);
		model.addAttribute("period", period.strip());
		var request = new BillingRunApiController.BillingRunRequest(null, kind, period.strip());
		if (!request.isPeriodOfItsKind() || !kind.matches("MONTHLY|HEATING")) {
			throw new BadInputException("账期格式不正确：按月填年月，如 2026-11；采暖季填开始的年份，如 2026");
		}
		try {
			model.addAttribute("preview", billing.preview(OnDemandBilling.Kind.valueOf(kind), request.period(), Staff.of(staff)));
		}
		catch (AccessDeniedException ex) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			model.addAttribute("error", ex.getMessage());
			return "cashier/find";
		}
		model.addAttribute("requestId", UUID.randomUUID().toString());
		return "cashier/billing-preview";
	}

	/**
	 * The confirmed run, the same as {@code POST /api/billing-runs}, once per request id; it
	 * starts only if the preview still holds, else the preview is shown again as it now is.
	 */
	@PostMapping("/cashier/billing-runs")
	@RefusedInputShownOn("/cashier/billing-runs/preview")
	String startBillingRun(@RequestParam String requestId, @RequestParam String kind, @RequestParam String period,
			@RequestParam int units, @RequestParam BigDecimal total, Authentication staff) {
		if (!kind.matches("MONTHLY|HEATING") || !new BillingRunApiController.BillingRunRequest(null, kind, period).isPeriodOfItsKind()
				|| requestId.isBlank() || requestId.length() > 64) {
			throw new BadInputException("账单预览已失效，请重新预览后再确认");
		}
		var requested = billing.confirm(requestId, OnDemandBilling.Kind.valueOf(kind), period, units, total,
				Staff.of(staff));
		return "redirect:/cashier/billing-runs/" + requested.requestId();
	}

	@GetMapping("/cashier/billing-runs/{requestId}")
	String billingRun(@PathVariable String requestId, Authentication staff, Model model) {
		Staff.of(staff).require("您的岗位不能生成账单：由收费员或经理办理", StaffGroup.CASHIER, StaffGroup.MANAGER);
		model.addAttribute("run", billing.requested(requestId, Staff.of(staff))
			.orElseThrow(() -> new NotFoundException("没有这次生成账单的记录")));
		model.addAttribute("zone", clock.getZone());
		return "cashier/billing-run";
	}

	@GetMapping("/cashier/receipts/{paymentId}")
	String receipt(@PathVariable long paymentId, Authentication viewer, Model model) {
		model.addAttribute("receipt", cashier.receipt(paymentId, Staff.of(viewer).estateId()).seenWith(personalData.forList(Staff.of(viewer))));
		model.addAttribute("zone", clock.getZone());
		return "cashier/receipt";
	}

	/** 退款单: the slip of the refund the entry is on, printed for the owner to sign. */
	@GetMapping("/cashier/refunds/{refundId}")
	String refundSlip(@PathVariable long refundId, Authentication viewer, Model model) {
		Staff staff = Staff.of(viewer);
		model.addAttribute("slip", refundSlips.slip(refundId, staff.estateId(), personalData.forList(staff)));
		model.addAttribute("zone", clock.getZone());
		return "cashier/refund-slip";
	}

	@GetMapping("/cashier/report")
	String report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			Authentication staff, Model model) {
		model.addAttribute("report",
				cashReport.of(staff.getName(), Staff.of(staff).estateId(), day == null ? LocalDate.now(clock) : day));
		model.addAttribute("methods", PaymentMethod.counterMethods());
		model.addAttribute("zone", clock.getZone());
		return "cashier/report";
	}

	/** 中心收款日报: every cashier's day with a subtotal each, and the center's totals. */
	@GetMapping("/cashier/report/center")
	String centerReport(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			Authentication staff, Model model) {
		Staff viewer = Staff.of(staff);
		viewer.require("只有经理、主任和审计可以查看全中心的收款日报", StaffGroup.MANAGER, StaffGroup.DIRECTOR, StaffGroup.AUDITOR);
		model.addAttribute("center", cashReport.center(viewer.estateId(), day == null ? LocalDate.now(clock) : day));
		model.addAttribute("methods", PaymentMethod.counterMethods());
		model.addAttribute("zone", clock.getZone());
		return "cashier/center-report";
	}

	/** 冲正 a payment taken in error: the reason is required; the receipt stays, marked reversed. */
	@PostMapping("/cashier/units/{id}/payments/{paymentId}/reversal")
	@RefusedInputShownOn("/cashier/units/{id}")
	String reversePayment(@PathVariable long id, @PathVariable long paymentId, @Valid @ModelAttribute ReversalForm form,
			Authentication staff, RedirectAttributes redirect) {
		cashier.reversePayment(paymentId, form.reason().strip(), staff);
		redirect.addFlashAttribute("notice",
				"收款 " + cashier.receipt(paymentId, Staff.of(staff).estateId()).receiptNumber() + " 已冲正。");
		return "redirect:/cashier/units/" + id;
	}

	/** 冲正 a bill issued in error (the manager only); the reason is required. */
	@PostMapping("/cashier/units/{id}/bills/{billId}/reversal")
	@RefusedInputShownOn("/cashier/units/{id}")
	String reverseBill(@PathVariable long id, @PathVariable long billId, @Valid @ModelAttribute ReversalForm form,
			Authentication staff, RedirectAttributes redirect) {
		cashier.reverseBill(billId, form.reason().strip(), staff);
		redirect.addFlashAttribute("notice", "账单 " + billId + " 已冲正。");
		return "redirect:/cashier/units/" + id;
	}

	/** 退押金: the deposit back, less a deduction (a bill of its own) with its reason. */
	@PostMapping("/cashier/units/{id}/bills/{billId}/deposit-refund")
	@RefusedInputShownOn("/cashier/units/{id}")
	String refundDeposit(@PathVariable long id, @PathVariable long billId, @Valid @ModelAttribute DepositRefundForm form,
			Authentication staff, RedirectAttributes redirect) {
		var refund = depositRefunds.refund(billId, form.deducted(), form.reason().strip(), form.method(), staff);
		redirect.addFlashAttribute("notice", "已退还押金 " + refund.refunded() + " 元（押金 " + refund.deposit() + " 元，扣款 "
				+ refund.deduction() + " 元，" + form.method().label() + "），请在“退款记录”中打印退款单，请业主签字。");
		return "redirect:/cashier/units/" + id;
	}

	private void showAccount(long id, Authentication viewer, Model model) {
		long estateId = Staff.of(viewer).estateId();
		Unit unit = units.findWithOwnersById(id)
			.filter(found -> ledger.isOfEstate(id, estateId))
			.orElseThrow(() -> new NotFoundException("房屋不存在：编号 " + id));
		Account account = ledger.account(id, unit.getNumber());
		model.addAttribute("unit", unit);
		model.addAttribute("owners", owners(unit,
				personalData.forNames(Staff.of(viewer), "UNIT", List.of(unit.getNumber()), "收费台账户")));
		model.addAttribute("openBills", account.bills().stream().filter(b -> b.outstanding().signum() > 0).toList());
		model.addAttribute("bills", account.bills());
		model.addAttribute("payments", account.payments());
		model.addAttribute("refunds", refundSlips.ofUnit(id));
		model.addAttribute("outstanding", account.outstanding());
		model.addAttribute("prepaid", account.prepaid());
		model.addAttribute("balance", account.balance());
		model.addAttribute("methods", PaymentMethod.counterMethods());
		model.addAttribute("depositItems", feeItems.findByEstateIdOrderById(estateId).stream()
			.filter(item -> item.getKind() == FeeKind.DEPOSIT)
			.map(FeeItem::getCode)
			.toList());
		model.addAttribute("zone", clock.getZone());
	}

}
