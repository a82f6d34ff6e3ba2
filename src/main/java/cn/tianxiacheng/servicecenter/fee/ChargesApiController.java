package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import cn.tianxiacheng.servicecenter.fee.MeterReadings.Recorded;
import cn.tianxiacheng.servicecenter.fee.SharedCosts.Apportionment;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffAuthorities;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Charges entered by staff: a shared cost to apportion, a meter reading to bill.
 */
@RestController
class ChargesApiController {

	private final SharedCosts sharedCosts;

	private final MeterReadings meterReadings;

	private final Ledger ledger;

	ChargesApiController(SharedCosts sharedCosts, MeterReadings meterReadings, Ledger ledger) {
		this.sharedCosts = sharedCosts;
		this.meterReadings = meterReadings;
		this.ledger = ledger;
	}

	record SharedCostRequest(@NotBlank(message = "缺少 itemCode（公摊收费项目）") String itemCode,
			@NotNull(message = "缺少 period（账期）") @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])",
					message = "账期应为年月，如 2026-11") String period,
			@NotNull(message = "缺少 total（总额）") @DecimalMin(value = "0.01", message = "公摊总额必须大于 0") @Digits(
					integer = 10, fraction = 2, message = "公摊总额最多两位小数") BigDecimal total,
			List<Integer> buildings) {
	}

	record MeterReadingRequest(@NotNull(message = "缺少 unitId（房屋编号）") Long unitId,
			@NotNull(message = "缺少 meter（表计）") @Pattern(regexp = "WATER|ELECTRICITY|GAS",
					message = "表计只能是 WATER（水表）、ELECTRICITY（电表）或 GAS（燃气表）") String meter,
			@NotNull(message = "缺少 reading（读数）") @DecimalMin(value = "0", message = "读数不能为负数") @Digits(integer = 10,
					fraction = 2, message = "读数最多两位小数") BigDecimal reading,
			@NotNull(message = "缺少 readOn（抄表日期）") LocalDate readOn) {
	}

	@PostMapping("/api/shared-costs")
	Apportionment apportion(@Valid @RequestBody SharedCostRequest request, Authentication staff) {
		StaffAuthorities.requireAny(staff, "只有收费员或经理可以分摊公摊费用", StaffGroup.CASHIER, StaffGroup.MANAGER);
		return sharedCosts.apportion(request.itemCode(), YearMonth.parse(request.period()), request.total(),
				request.buildings(), Staff.of(staff).estateId(), staff.getName());
	}

	@PostMapping("/api/meter-readings")
	Recorded recordReading(@Valid @RequestBody MeterReadingRequest request, Authentication staff) {
		StaffAuthorities.requireAny(staff, "只有接待员、收费员或工程部可以录入抄表读数", StaffGroup.RECEPTION,
				StaffGroup.CASHIER, StaffGroup.ENGINEERING);
		if (!ledger.isOfEstate(request.unitId(), Staff.of(staff).estateId())) {
			throw new BusinessRuleException("房屋不存在：编号 " + request.unitId());
		}
		return meterReadings.record(request.unitId(), request.meter(), request.reading(), request.readOn(),
				staff.getName());
	}

}
