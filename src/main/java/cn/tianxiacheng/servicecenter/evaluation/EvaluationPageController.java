package cn.tianxiacheng.servicecenter.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.system.CsvExport;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.RefusedInputShownOn;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffAuthorities;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import cn.tianxiacheng.servicecenter.system.TenantScope;
import jakarta.validation.Valid;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 员工考核 pages: a half month's sheets (exportable), one sheet with the cases behind each figure,
 * a person's trend, and the standards the manager edits. Staff read their own sheets.
 */
@Controller
class EvaluationPageController {

	private static final String READERS = "只有服务中心经理、管理处主任和审计可以查看考核";

	private final EvaluationSheets sheets;

	private final EvaluationStandards standards;

	private final StaffNames staffNames;

	private final IdentityService identityService;

	private final EngineAsSystem asSystem;

	private final Clock clock;

	EvaluationPageController(EvaluationSheets sheets, EvaluationStandards standards, StaffNames staffNames,
			IdentityService identityService, EngineAsSystem asSystem, Clock clock) {
		this.sheets = sheets;
		this.standards = standards;
		this.staffNames = staffNames;
		this.identityService = identityService;
		this.asSystem = asSystem;
		this.clock = clock;
	}

	@GetMapping("/evaluations")
	Object period(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) String format, Authentication viewer, Model model) {
		requireReader(viewer);
		HalfMonth period = day == null ? HalfMonth.endedBefore(LocalDate.now(clock)) : HalfMonth.containing(day);
		List<EvaluationSheets.Sheet> list = sheets.ofPeriod(Staff.of(viewer).estateId(), period.start());
		if ("csv".equals(format)) {
			List<Map<String, ?>> rows = list.stream().<Map<String, ?>>map(sheet -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("考核表", sheet.number());
				row.put("员工", staffNames.of(sheet.staffId()));
				row.put("岗位", StaffGroup.labelOf(sheet.post()));
				row.put("总分", sheet.totalScore() == null ? "" : sheet.totalScore().toPlainString());
				row.put("状态", sheet.statusLabel());
				return row;
			}).toList();
			return CsvExport.of("考核_" + period.key() + ".csv", List.of("考核表", "员工", "岗位", "总分", "状态"), rows);
		}
		model.addAttribute("period", period);
		model.addAttribute("previous", period.previous());
		model.addAttribute("sheets", list);
		return "evaluations/list";
	}

	@GetMapping("/evaluations/{number}")
	String sheet(@PathVariable String number, Authentication viewer, Model model) {
		EvaluationSheets.Sheet sheet = sheets.require(Staff.of(viewer).estateId(), number);
		if (!viewer.getName().equals(sheet.staffId())) {
			requireReader(viewer);
		}
		model.addAttribute("sheet", sheet);
		model.addAttribute("items", sheets.items(sheet.id()));
		model.addAttribute("zone", clock.getZone());
		return "evaluations/sheet";
	}

	@GetMapping("/evaluations/staff/{staffId}")
	String trend(@PathVariable String staffId, Authentication viewer, Model model) {
		if (!viewer.getName().equals(staffId)) {
			requireReader(viewer);
		}
		List<EvaluationSheets.Sheet> trend = sheets.trendOf(Staff.of(viewer).estateId(), staffId);
		if (trend.isEmpty() && !viewer.getName().equals(staffId) && !worksIn(staffId, Staff.of(viewer))) {
			throw new NotFoundException("没有这位员工：" + staffId);
		}
		model.addAttribute("staffId", staffId);
		model.addAttribute("sheets", trend);
		return "evaluations/trend";
	}

	@GetMapping("/evaluations/standards")
	String standards(Authentication viewer, Model model) {
		requireReader(viewer);
		List<EvaluationStandards.Indicator> indicators = standards.of(Staff.of(viewer).estateId());
		model.addAttribute("indicators", indicators);
		model.addAttribute("companys", indicators.stream().allMatch(EvaluationStandards.Indicator::companys));
		model.addAttribute("zone", clock.getZone());
		return "evaluations/standards";
	}

	@PostMapping("/evaluations/standards/{id}")
	@RefusedInputShownOn("/evaluations/standards")
	String change(@PathVariable long id, @Valid @ModelAttribute IndicatorStandardForm form, Authentication manager,
			RedirectAttributes redirect) {
		StaffAuthorities.requireAny(manager, "考核标准由服务中心经理制定", StaffGroup.MANAGER);
		standards.change(Staff.of(manager).estateId(), id, form.weight(), form.fullAt(), form.zeroAt(), manager.getName());
		redirect.addFlashAttribute("notice", "已保存。新的标准从下一次考核起使用。");
		return "redirect:/evaluations/standards";
	}

	/**
	 * Whether the person works in the viewer's estate (they or their group in its tenant): someone
	 * with no sheet of the estate who works elsewhere, or nowhere, is not shown, not even by name.
	 */
	private boolean worksIn(String staffId, Staff viewer) {
		String tenant = TenantScope.of(viewer);
		return asSystem.call(() -> identityService.createTenantQuery()
			.tenantId(tenant)
			.userMember(staffId)
			.includingGroupsOfUser(true)
			.count()) > 0;
	}

	private static void requireReader(Authentication viewer) {
		StaffAuthorities.requireAny(viewer, READERS, StaffGroup.MANAGER, StaffGroup.DIRECTOR, StaffGroup.AUDITOR);
	}

}
