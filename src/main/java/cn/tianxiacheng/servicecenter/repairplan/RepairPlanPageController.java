package cn.tianxiacheng.servicecenter.repairplan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.journal.StepJournal;
import cn.tianxiacheng.servicecenter.repairplan.RepairPlans.Draft;
import cn.tianxiacheng.servicecenter.repairplan.RepairPlans.Plan;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 大、中修计划 pages: a year's plans with their state, budgets and final accounts; the director's
 * form for a new plan; one plan with its construction plan, progress, acceptance and story, where
 * engineering records the progress.
 */
@Controller
class RepairPlanPageController {

	static final StaffGroup[] READERS = { StaffGroup.DIRECTOR, StaffGroup.MANAGER, StaffGroup.ENGINEERING,
			StaffGroup.AUDITOR };

	static final String REFUSAL = "您的岗位不能查看大、中修计划";

	private final RepairPlans plans;

	private final StepJournal journal;

	private final Clock clock;

	RepairPlanPageController(RepairPlans plans, StepJournal journal, Clock clock) {
		this.plans = plans;
		this.journal = journal;
		this.clock = clock;
	}

	@GetMapping("/repair-plans")
	String list(@RequestParam(required = false) Integer year, Authentication authentication, Model model) {
		Staff staff = Staff.of(authentication);
		staff.require(REFUSAL, READERS);
		if (year != null && year == RepairPlans.ALL_YEARS) {
			model.addAttribute("year", plans.ofAllYears());
		}
		else {
			model.addAttribute("year",
					plans.ofYear(year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year));
		}
		model.addAttribute("years", plans.years());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("mayDraft", staff.isIn(StaffGroup.DIRECTOR));
		model.addAttribute("threshold", plans.threshold());
		return "repairplans/list";
	}

	@GetMapping("/repair-plans/new")
	String form(Authentication authentication, Model model) {
		Staff.of(authentication).require("只有管理处主任可以拟定大、中修计划", StaffGroup.DIRECTOR);
		model.addAttribute("requestId", UUID.randomUUID().toString());
		model.addAttribute("scales", RepairScale.values());
		model.addAttribute("threshold", plans.threshold());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Map.of());
		}
		return "repairplans/new";
	}

	@PostMapping("/repair-plans")
	String draft(@RequestParam(required = false) String requestId, @RequestParam(required = false) String scale,
			@RequestParam(required = false) String item, @RequestParam(required = false) String facility,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String constructionPlan,
			@RequestParam(required = false) String budget, @RequestParam(required = false) String plannedStart,
			@RequestParam(required = false) String plannedEnd, Authentication staff, Model model,
			HttpServletResponse response) {
		Staff.of(staff).require("只有管理处主任可以拟定大、中修计划", StaffGroup.DIRECTOR);
		try {
			RepairScale repairScale = scale == null || !scale.matches("MAJOR|MEDIUM") ? null : RepairScale.valueOf(scale);
			String number = plans.draft(new Draft(requestId, repairScale, item, facility, reason, constructionPlan,
					amount(budget), date(plannedStart, "计划开工日期"), date(plannedEnd, "计划完工日期")), Staff.of(staff))
				.planNumber();
			return "redirect:/repair-plans/" + number + "?drafted";
		}
		catch (BadInputException | BusinessRuleException ex) {
			response.setStatus(ex instanceof BadInputException ? 400 : 422);
			model.addAttribute("error", ex.getMessage());
			Map<String, String> form = new LinkedHashMap<>();
			form.put("scale", scale);
			form.put("item", item);
			form.put("facility", facility);
			form.put("reason", reason);
			form.put("constructionPlan", constructionPlan);
			form.put("budget", budget);
			form.put("plannedStart", plannedStart);
			form.put("plannedEnd", plannedEnd);
			model.addAttribute("form", form);
			return form(staff, model);
		}
	}

	@GetMapping("/repair-plans/{number}")
	String show(@PathVariable String number, Authentication authentication, Model model) {
		Staff staff = Staff.of(authentication);
		staff.require(REFUSAL, READERS);
		Plan plan = plans.byNumber(number);
		model.addAttribute("plan", plan);
		model.addAttribute("progress", plans.progress(number));
		model.addAttribute("steps", journal.steps(number));
		model.addAttribute("mayRecord", plan.status() == RepairPlanStatus.WORKS
				&& staff.isIn(StaffGroup.ENGINEERING, StaffGroup.DIRECTOR));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("threshold", plans.threshold());
		return "repairplans/details";
	}

	@PostMapping("/repair-plans/{number}/progress")
	String progress(@PathVariable String number, @RequestParam(required = false) String percent,
			@RequestParam(required = false) String note, Authentication staff, Model model,
			HttpServletResponse response) {
		try {
			Integer value = percent == null || !percent.strip().matches("\\d{1,3}") ? null : Integer.valueOf(percent.strip());
			if (value == null) {
				throw new BadInputException("完成进度应为 0 至 100 的整数（百分比）");
			}
			plans.recordProgress(number, value, note, Staff.of(staff));
			return "redirect:/repair-plans/" + number + "?recorded#progress";
		}
		catch (BadInputException | BusinessRuleException ex) {
			response.setStatus(ex instanceof BadInputException ? 400 : 422);
			model.addAttribute("error", ex.getMessage());
			return show(number, staff, model);
		}
	}

	private static BigDecimal amount(String text) {
		if (text == null || !text.strip().matches("\\d{1,8}(\\.\\d{1,2})?")) {
			throw new BadInputException("预算应为金额（元），最多两位小数，如 186000.00");
		}
		return new BigDecimal(text.strip());
	}

	private static LocalDate date(String text, String label) {
		LocalDate date;
		try {
			date = LocalDate.parse(text == null ? "" : text.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new BadInputException("请按 年-月-日 填写" + label + "，如 2026-12-01");
		}
		SaneDates.check(label, date);
		return date;
	}

}
