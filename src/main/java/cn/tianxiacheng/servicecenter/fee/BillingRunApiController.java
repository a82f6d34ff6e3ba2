package cn.tianxiacheng.servicecenter.fee;

import cn.tianxiacheng.servicecenter.system.Staff;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Billing on demand: starts {@code FeeBillingProcess} for a chosen month or heating season.
 */
@RestController
class BillingRunApiController {

	private final OnDemandBilling billing;

	BillingRunApiController(OnDemandBilling billing) {
		this.billing = billing;
	}

	record BillingRunRequest(
			@NotNull(message = "缺少 kind（账单类型）") @Pattern(regexp = "MONTHLY|HEATING",
					message = "账单类型只能是 MONTHLY（按月）或 HEATING（采暖季）") String kind,
			@NotNull(message = "缺少 period（账期）") String period) {

		@AssertTrue(message = "账期格式不正确：按月填年月，如 2026-11；采暖季填开始的年份，如 2026")
		boolean isPeriodOfItsKind() {
			return period == null || kind == null
					|| period.matches("HEATING".equals(kind) ? "\\d{4}" : "\\d{4}-(0[1-9]|1[0-2])");
		}

	}

	@PostMapping("/api/billing-runs")
	@ResponseStatus(HttpStatus.ACCEPTED)
	OnDemandBilling.BillingRun start(@Valid @RequestBody BillingRunRequest request, Authentication staff) {
		return billing.start(OnDemandBilling.Kind.valueOf(request.kind()), request.period(), Staff.of(staff));
	}

}
