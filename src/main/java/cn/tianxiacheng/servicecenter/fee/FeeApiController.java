package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.util.List;

import cn.tianxiacheng.servicecenter.estate.PersonalDataPolicy;
import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.fee.Cashier.PaymentCommand;
import cn.tianxiacheng.servicecenter.fee.Cashier.Receipt;
import cn.tianxiacheng.servicecenter.fee.Ledger.Account;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Staff;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger API: a unit's account, payments with receipts, reversals.
 */
@RestController
class FeeApiController {

	private final Cashier cashier;

	private final Ledger ledger;

	private final UnitRepository units;

	private final DepositRefunds depositRefunds;

	private final PersonalDataPolicy personalData;

	FeeApiController(Cashier cashier, Ledger ledger, UnitRepository units, DepositRefunds depositRefunds,
			PersonalDataPolicy personalData) {
		this.personalData = personalData;
		this.cashier = cashier;
		this.ledger = ledger;
		this.units = units;
		this.depositRefunds = depositRefunds;
	}

	record PaymentRequest(
			@NotBlank(message = "缺少 idempotencyKey（本次收款的请求编号）") @Size(max = 64,
					message = "idempotencyKey 最多 64 个字符") String idempotencyKey,
			@NotNull(message = "缺少 unitId（房屋编号）") Long unitId,
			@NotNull(message = "缺少 amount（金额）") @DecimalMin(value = "0.01", message = "金额必须大于 0") @Digits(integer = 10,
					fraction = 2, message = "金额最多两位小数（元、角、分）") BigDecimal amount,
			@NotNull(message = "缺少 method（支付方式）") @Pattern(regexp = "CASH|WECHAT|ALIPAY|BANK_CARD|TRANSFER",
					message = "支付方式只能是 CASH（现金）、WECHAT（微信）、ALIPAY（支付宝）、BANK_CARD（银行卡）或 TRANSFER（转账）") String method,
			List<@NotNull(message = "账单编号不能为空") Long> billIds) {

		PaymentCommand command() {
			return new PaymentCommand(idempotencyKey, unitId, amount, PaymentMethod.valueOf(method), billIds);
		}

	}

	record ReversalRequest(@NotBlank(message = "请填写冲正原因") @Size(max = 200, message = "冲正原因最多 200 个字") String reason) {
	}

	record DepositRefundRequest(
			@NotNull(message = "缺少 deduction（扣款金额，无扣款填 0）") @DecimalMin(value = "0.00", message = "扣款不能为负数") @Digits(
					integer = 10, fraction = 2, message = "扣款最多两位小数") BigDecimal deduction,
			@NotBlank(message = "请填写退还或扣款的原因") @Size(max = 200, message = "原因最多 200 个字") String reason,
			@NotNull(message = "缺少 method（退款方式）") @Pattern(regexp = "CASH|WECHAT|ALIPAY|BANK_CARD|TRANSFER",
					message = "退款方式只能是 CASH、WECHAT、ALIPAY、BANK_CARD 或 TRANSFER") String method) {
	}

	@GetMapping("/api/units/{id}/account")
	Account account(@PathVariable long id, Authentication viewer) {
		Unit unit = units.findById(id)
			.filter(found -> ledger.isOfEstate(id, Staff.of(viewer).estateId()))
			.orElseThrow(() -> new NotFoundException("房屋不存在：编号 " + id));
		return ledger.account(id, unit.getNumber());
	}

	@PostMapping("/api/payments")
	Receipt pay(@Valid @RequestBody PaymentRequest request, Authentication staff) {
		PaymentCommand command = request.command();
		return cashier.takePayment(command, staff);
	}

	@GetMapping("/api/payments/{id}")
	Receipt payment(@PathVariable long id, Authentication viewer) {
		return cashier.receipt(id, Staff.of(viewer).estateId()).seenWith(personalData.forList(Staff.of(viewer)));
	}

	@PostMapping("/api/payments/{id}/reversal")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reversePayment(@PathVariable long id, @Valid @RequestBody ReversalRequest request, Authentication staff) {
		cashier.reversePayment(id, request.reason(), staff);
	}

	@PostMapping("/api/bills/{id}/deposit-refund")
	DepositRefunds.DepositRefund refundDeposit(@PathVariable long id, @Valid @RequestBody DepositRefundRequest request,
			Authentication staff) {
		return depositRefunds.refund(id, request.deduction(), request.reason(), PaymentMethod.valueOf(request.method()),
				staff);
	}

	@PostMapping("/api/bills/{id}/reversal")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reverseBill(@PathVariable long id, @Valid @RequestBody ReversalRequest request, Authentication staff) {
		cashier.reverseBill(id, request.reason(), staff);
	}

}
