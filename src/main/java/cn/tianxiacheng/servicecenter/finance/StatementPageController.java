package cn.tianxiacheng.servicecenter.finance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 收支表: a month's income and expense statement as owners would see it, the month's expenses and
 * the form to enter one (cashier, manager), and the manager's publication of a finished month.
 */
@Controller
class StatementPageController {

	static final StaffGroup[] READERS = { StaffGroup.CASHIER, StaffGroup.MANAGER, StaffGroup.DIRECTOR,
			StaffGroup.AUDITOR };

	/** The usual categories, offered as the form's suggestions. */
	static final List<String> CATEGORIES = List.of("人员费用", "公共能耗", "清洁绿化", "维修养护", "秩序维护", "办公费用", "公共设施大中修",
			"社区文化活动");

	private final FeeReports reports;

	private final Expenses expenses;

	private final Clock clock;

	StatementPageController(FeeReports reports, Expenses expenses, Clock clock) {
		this.reports = reports;
		this.expenses = expenses;
		this.clock = clock;
	}

	@GetMapping("/statements")
	String statement(@RequestParam(required = false) String period, Authentication authentication, Model model) {
		Staff staff = Staff.of(authentication);
		staff.require("只有收费员、经理、主任和审计可以查看收支表", READERS);
		YearMonth month = YearMonth.now(clock);
		if (period != null && period.matches("\\d{4}-(0[1-9]|1[0-2])")) {
			month = YearMonth.parse(period);
		}
		YearMonth thisMonth = YearMonth.now(clock);
		boolean published = expenses.publication(month).isPresent();
		model.addAttribute("period", month);
		model.addAttribute("previous", month.minusMonths(1));
		model.addAttribute("next", month.plusMonths(1));
		model.addAttribute("thisMonth", thisMonth);
		model.addAttribute("statement", reports.statement(month));
		model.addAttribute("expenses", expenses.ofMonth(month));
		model.addAttribute("publication", expenses.publication(month).orElse(null));
		model.addAttribute("mayEnter", !published && !month.isAfter(thisMonth)
				&& staff.isIn(StaffGroup.CASHIER, StaffGroup.MANAGER));
		model.addAttribute("mayPublish", !published && month.isBefore(thisMonth) && staff.isIn(StaffGroup.MANAGER));
		model.addAttribute("categories", CATEGORIES);
		model.addAttribute("requestId", UUID.randomUUID().toString());
		model.addAttribute("zone", clock.getZone());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Map.of());
		}
		return "finance/statement";
	}

	@PostMapping("/statements/{period}/expenses")
	String enter(@PathVariable String period, @RequestParam(required = false) String requestId,
			@RequestParam(required = false) String category, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String description, Authentication authentication, Model model,
			HttpServletResponse response) {
		Staff staff = Staff.of(authentication);
		staff.require("只有收费员或经理可以录入支出", StaffGroup.CASHIER, StaffGroup.MANAGER);
		YearMonth month = month(period);
		try {
			if (category == null || category.isBlank() || category.strip().length() > 30) {
				throw new BadInputException("请填写支出类别（最多 30 个字）");
			}
			if (amount == null || !amount.strip().matches("\\d{1,10}(\\.\\d{1,2})?")) {
				throw new BadInputException("金额应为大于 0 的金额（元），最多两位小数，如 1200.50");
			}
			BigDecimal value = new BigDecimal(amount.strip());
			if (value.signum() <= 0) {
				throw new BadInputException("金额必须大于 0");
			}
			if (description == null || description.isBlank() || description.strip().length() > 200) {
				throw new BadInputException("请填写支出说明（最多 200 个字）");
			}
			expenses.enter(requestId == null || requestId.isBlank() ? null : requestId, month, category.strip(), value,
					description.strip(), staff.id());
			return "redirect:/statements?period=" + month + "&entered";
		}
		catch (BadInputException | BusinessRuleException ex) {
			response.setStatus(ex instanceof BadInputException ? 400 : 422);
			model.addAttribute("error", ex.getMessage());
			Map<String, String> form = new LinkedHashMap<>();
			form.put("category", category);
			form.put("amount", amount);
			form.put("description", description);
			model.addAttribute("form", form);
			return statement(month.toString(), authentication, model);
		}
	}

	@PostMapping("/statements/{period}/publication")
	String publish(@PathVariable String period, Authentication authentication, Model model,
			HttpServletResponse response) {
		Staff staff = Staff.of(authentication);
		staff.require("只有经理可以向业主公布收支表", StaffGroup.MANAGER);
		YearMonth month = month(period);
		try {
			expenses.publish(month, staff.id());
			return "redirect:/statements?period=" + month + "&published";
		}
		catch (BusinessRuleException | ConflictException ex) {
			response.setStatus(ex instanceof ConflictException ? 409 : 422);
			model.addAttribute("error", ex.getMessage());
			return statement(month.toString(), authentication, model);
		}
	}

	private static YearMonth month(String period) {
		try {
			if (!period.matches("\\d{4}-(0[1-9]|1[0-2])")) {
				throw new DateTimeParseException("", period, 0);
			}
			return YearMonth.parse(period);
		}
		catch (DateTimeParseException ex) {
			throw new BadInputException("账期应为年月，如 2026-11");
		}
	}

}
