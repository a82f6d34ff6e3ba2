package cn.tianxiacheng.servicecenter.repairplan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.journal.StepJournal;
import cn.tianxiacheng.servicecenter.repairplan.RepairPlans.Plan;
import cn.tianxiacheng.servicecenter.system.RefusedInputShownOn;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
			model.addAttribute("year", plans.ofAllYears(staff.estateId()));
		}
		else {
			model.addAttribute("year",
					plans.ofYear(staff.estateId(), year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year));
		}
		model.addAttribute("years", plans.years(staff.estateId()));
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
		return "repairplans/new";
	}

	@PostMapping("/repair-plans")
	@RefusedInputShownOn("/repair-plans/new")
	String draft(@ModelAttribute RepairPlanForm form, Authentication staff) {
		Staff.of(staff).require("只有管理处主任可以拟定大、中修计划", StaffGroup.DIRECTOR);
		String number = plans.draft(form.toDraft(), Staff.of(staff)).planNumber();
		return "redirect:/repair-plans/" + number + "?drafted";
	}

	@GetMapping("/repair-plans/{number}")
	String show(@PathVariable String number, Authentication authentication, Model model) {
		Staff staff = Staff.of(authentication);
		staff.require(REFUSAL, READERS);
		Plan plan = plans.byNumber(staff.estateId(), number);
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
	@RefusedInputShownOn("/repair-plans/{number}")
	String progress(@PathVariable String number, @ModelAttribute ProgressForm form, Authentication staff) {
		plans.recordProgress(number, form.percent(), form.note(), Staff.of(staff));
		return "redirect:/repair-plans/" + number + "?recorded#progress";
	}

}
