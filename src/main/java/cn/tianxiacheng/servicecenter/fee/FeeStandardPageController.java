package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.estate.UnitType;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.SaneDates;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

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
		model.addAttribute("standards", standards.standards());
		model.addAttribute("history", standards.history(100));
		model.addAttribute("unitTypes", UnitType.values());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("mayChange", staff.isIn(StaffGroup.MANAGER));
		model.addAttribute("requestId", UUID.randomUUID().toString());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Map.of("validFrom", LocalDate.now(clock).plusMonths(1).withDayOfMonth(1).toString()));
		}
		return "fee/standards";
	}

	@PostMapping("/fee-standards")
	String change(@RequestParam(required = false) String requestId, @RequestParam(required = false) String itemId,
			@RequestParam(required = false) String unitType, @RequestParam(required = false) String price,
			@RequestParam(required = false) String validFrom, @RequestParam(required = false) String reason,
			Authentication authentication, Model model, HttpServletResponse response) {
		Staff staff = Staff.of(authentication);
		staff.require("只有服务中心经理可以修改收费标准", StaffGroup.MANAGER);
		try {
			if (itemId == null || !itemId.matches("\\d{1,18}")) {
				throw new BadInputException("请选择收费项目");
			}
			UnitType type = null;
			if (unitType != null && !unitType.isBlank()) {
				if (java.util.Arrays.stream(UnitType.values()).noneMatch(t -> t.name().equals(unitType))) {
					throw new BadInputException("房屋类型只能是住宅、复式住宅、商铺或各类房屋通用");
				}
				type = UnitType.valueOf(unitType);
			}
			if (price == null || !price.strip().matches("\\d{1,6}(\\.\\d{1,2})?")) {
				throw new BadInputException("收费标准应为金额（元），最多两位小数，如 2.40");
			}
			LocalDate from;
			try {
				from = LocalDate.parse(validFrom == null ? "" : validFrom.strip());
			}
			catch (DateTimeParseException ex) {
				throw new BadInputException("请按 年-月-日 填写生效日期，如 2027-01-01");
			}
			SaneDates.check("生效日期", from);
			standards.change(requestId == null || requestId.isBlank() ? null : requestId, Long.parseLong(itemId), type,
					new BigDecimal(price.strip()), from, reason, staff);
			return "redirect:/fee-standards?changed";
		}
		catch (BadInputException | BusinessRuleException ex) {
			response.setStatus(ex instanceof BadInputException ? 400 : 422);
			model.addAttribute("error", ex.getMessage());
			Map<String, String> form = new LinkedHashMap<>();
			form.put("itemId", itemId);
			form.put("unitType", unitType);
			form.put("price", price);
			form.put("validFrom", validFrom);
			form.put("reason", reason);
			model.addAttribute("form", form);
			return standards(authentication, model);
		}
	}

}
