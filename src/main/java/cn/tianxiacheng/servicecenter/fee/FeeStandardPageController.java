package cn.tianxiacheng.servicecenter.fee;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.estate.UnitType;
import cn.tianxiacheng.servicecenter.system.RefusedInputShownOn;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * 收费标准: the fee items and their rates per unit type with their dates, for those who quote or
 * check prices; the manager sets a new rate from a date, and every change is listed.
 */
@Controller
class FeeStandardPageController {

	static final StaffGroup[] READERS = { StaffGroup.CASHIER, StaffGroup.RECEPTION, StaffGroup.MANAGER,
			StaffGroup.DIRECTOR, StaffGroup.AUDITOR };

	private final FeeStandards standards;

	private final Clock clock;

	FeeStandardPageController(FeeStandards standards, Clock clock) {
		this.standards = standards;
		this.clock = clock;
	}

	@GetMapping("/fee-standards")
	String standards(Authentication authentication, Model model) {
		Staff staff = Staff.of(authentication);
		staff.require("您的岗位不能查看收费标准", READERS);
		model.addAttribute("standards", standards.standards(staff.estateId()));
		model.addAttribute("history", standards.history(staff.estateId(), 100));
		model.addAttribute("unitTypes", UnitType.values());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("mayChange", staff.isIn(StaffGroup.MANAGER));
		model.addAttribute("requestId", UUID.randomUUID().toString());
		model.addAttribute("firstOfNextMonth", LocalDate.now(clock).plusMonths(1).withDayOfMonth(1));
		return "fee/standards";
	}

	@PostMapping("/fee-standards")
	@RefusedInputShownOn("/fee-standards")
	String change(@Valid @ModelAttribute FeeStandardForm form, Authentication authentication) {
		Staff staff = Staff.of(authentication);
		staff.require("只有服务中心经理可以修改收费标准", StaffGroup.MANAGER);
		String requestId = StringUtils.hasText(form.requestId()) ? form.requestId() : null;
		standards.change(requestId, form.itemId(), form.unitType(), form.price(), form.validFrom(), form.reason(), staff);
		return "redirect:/fee-standards?changed";
	}

}
