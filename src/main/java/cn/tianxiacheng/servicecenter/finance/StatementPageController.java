package cn.tianxiacheng.servicecenter.finance;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.system.BadInputException;
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
		long estateId = staff.estateId();
		boolean published = expenses.publication(estateId, month).isPresent();
		model.addAttribute("period", month);
		model.addAttribute("previous", month.minusMonths(1));
		model.addAttribute("next", month.plusMonths(1));
		model.addAttribute("thisMonth", thisMonth);
		model.addAttribute("statement", reports.statement(estateId, month));
		model.addAttribute("expenses", expenses.ofMonth(estateId, month));
		model.addAttribute("publication", expenses.publication(estateId, month).orElse(null));
		model.addAttribute("mayEnter", !published && !month.isAfter(thisMonth)
				&& staff.isIn(StaffGroup.CASHIER, StaffGroup.MANAGER));
		model.addAttribute("mayPublish", !published && month.isBefore(thisMonth) && staff.isIn(StaffGroup.MANAGER));
		model.addAttribute("categories", CATEGORIES);
		model.addAttribute("requestId", UUID.randomUUID().toString());
		model.addAttribute("zone", clock.getZone());
		return "finance/statement";
	}

	@PostMapping("/statements/{period}/expenses")
	@RefusedInputShownOn("/statements?period={period}")
	String enter(@PathVariable String period, @Valid @ModelAttribute ExpenseForm form, Authentication authentication) {
		Staff staff = Staff.of(authentication);
		staff.require("只有收费员或经理可以录入支出", StaffGroup.CASHIER, StaffGroup.MANAGER);
		YearMonth month = month(period);
		String requestId = StringUtils.hasText(form.requestId()) ? form.requestId() : null;
		expenses.enter(requestId, staff.estateId(), month, form.category().strip(), form.amount(), form.description().strip(), staff.id());
		return "redirect:/statements?period=" + month + "&entered";
	}

	@PostMapping("/statements/{period}/publication")
	@RefusedInputShownOn("/statements?period={period}")
	String publish(@PathVariable String period, Authentication authentication) {
		Staff staff = Staff.of(authentication);
		staff.require("只有经理可以向业主公布收支表", StaffGroup.MANAGER);
		YearMonth month = month(period);
		expenses.publish(staff.estateId(), month, staff.id());
		return "redirect:/statements?period=" + month + "&published";
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
