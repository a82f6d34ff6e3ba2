package cn.tianxiacheng.servicecenter.fee;

import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.Staff;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Billing on demand: what a run would issue, and the run itself ({@code FeeBillingProcess}) for a
 * chosen month or heating season.
 */
@RestController
class BillingRunApiController {

	private final OnDemandBilling billing;

	BillingRunApiController(OnDemandBilling billing) {
		this.billing = billing;
	}

	record BillingRunRequest(@Size(max = 64, message = "requestId 最长 64 个字符") String requestId,
			@NotNull(message = "缺少 kind（账单类型）") @Pattern(regexp = "MONTHLY|HEATING",
					message = "账单类型只能是 MONTHLY（按月）或 HEATING（采暖季）") String kind,
			@NotNull(message = "缺少 period（账期）") String period) {

		@AssertTrue(message = "账期格式不正确：按月填年月，如 2026-11；采暖季填开始的年份，如 2026")
		boolean isPeriodOfItsKind() {
			return period == null || kind == null
					|| period.matches("HEATING".equals(kind) ? "\\d{4}" : "\\d{4}-(0[1-9]|1[0-2])");
		}

	}

	/** Starts a run; with a {@code requestId}, once: a retry answers with the first run. */
	@PostMapping("/api/billing-runs")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Object start(@Valid @RequestBody BillingRunRequest request, Authentication staff) {
		OnDemandBilling.Kind kind = OnDemandBilling.Kind.valueOf(request.kind());
		if (request.requestId() != null) {
			return billing.confirm(request.requestId(), kind, request.period(), null, null, Staff.of(staff));
		}
		return billing.start(kind, request.period(), Staff.of(staff));
	}

	/** What a run would issue now (units, amount per fee item, total); nothing is issued. */
	@GetMapping("/api/billing-runs/preview")
	OnDemandBilling.Preview preview(@RequestParam String kind, @RequestParam String period, Authentication staff) {
		BillingRunRequest request = new BillingRunRequest(null, kind, period);
		if (!kind.matches("MONTHLY|HEATING") || !request.isPeriodOfItsKind()) {
			throw new BadInputException("账期格式不正确：按月填年月，如 2026-11；采暖季填开始的年份，如 2026");
		}
		return billing.preview(OnDemandBilling.Kind.valueOf(kind), period, Staff.of(staff));
	}

}
