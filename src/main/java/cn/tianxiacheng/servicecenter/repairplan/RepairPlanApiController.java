package cn.tianxiacheng.servicecenter.repairplan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.tianxiacheng.servicecenter.repairplan.RepairPlans.Draft;
import cn.tianxiacheng.servicecenter.repairplan.RepairPlans.Drafted;
import cn.tianxiacheng.servicecenter.repairplan.RepairPlans.Plan;
import cn.tianxiacheng.servicecenter.repairplan.RepairPlans.Progress;
import cn.tianxiacheng.servicecenter.repairplan.RepairPlans.Year;
import cn.tianxiacheng.servicecenter.system.Staff;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 大、中修计划 for scripts: draft a plan, a year's plans, one plan with its progress, record progress. */
@RestController
class RepairPlanApiController {

	private final RepairPlans plans;

	RepairPlanApiController(RepairPlans plans) {
		this.plans = plans;
	}

	record DraftJson(@Size(max = 64, message = "requestId 最多 64 个字符") String requestId,
			@NotNull(message = "缺少 scale") @Pattern(regexp = "MAJOR|MEDIUM",
					message = "scale 只能是 MAJOR（大修）或 MEDIUM（中修）") String scale,
			@NotBlank(message = "缺少 item（维修项目）") @Size(max = 100, message = "维修项目最多 100 个字") String item,
			@NotBlank(message = "缺少 facility（设施）") @Size(max = 100, message = "设施最多 100 个字") String facility,
			@NotBlank(message = "缺少 reason（维修原因）") @Size(max = 1000, message = "维修原因最多 1000 个字") String reason,
			@NotBlank(message = "缺少 constructionPlan（施工方案）") @Size(max = 2000,
					message = "施工方案最多 2000 个字") String constructionPlan,
			@NotNull(message = "缺少 budget（预算）") @DecimalMin(value = "0.01", message = "预算必须大于 0") @DecimalMax(
					value = "99999999.99", message = "预算不能超过 99999999.99 元") @Digits(integer = 8, fraction = 2,
							message = "预算最多两位小数") BigDecimal budget,
			@NotNull(message = "缺少 plannedStart（计划开工日期）") LocalDate plannedStart,
			@NotNull(message = "缺少 plannedEnd（计划完工日期）") LocalDate plannedEnd) {
	}

	record ProgressJson(@NotNull(message = "缺少 percent（完成进度）") @Min(value = 0, message = "完成进度应为 0 至 100") @Max(
			value = 100, message = "完成进度应为 0 至 100") Integer percent,
			@NotBlank(message = "缺少 note（施工情况）") @Size(max = 500, message = "施工情况最多 500 个字") String note) {
	}

	record PlanJson(Plan plan, List<Progress> progress) {
	}

	@PostMapping("/api/repair-plans")
	@ResponseStatus(HttpStatus.CREATED)
	Drafted draft(@Valid @RequestBody DraftJson body, Authentication staff) {
		return plans.draft(new Draft(body.requestId(), RepairScale.valueOf(body.scale()), body.item(), body.facility(),
				body.reason(), body.constructionPlan(), body.budget(), body.plannedStart(), body.plannedEnd()),
				Staff.of(staff));
	}

	@GetMapping("/api/repair-plans")
	Year ofYear(@RequestParam(required = false) @Min(value = 2000, message = "年度应为四位年份") @Max(value = 2100,
			message = "年度应为四位年份") Integer year, Authentication staff) {
		Staff viewer = Staff.of(staff);
		viewer.require(RepairPlanPageController.REFUSAL, RepairPlanPageController.READERS);
		return plans.ofYear(viewer.estateId(), year == null ? plans.years(viewer.estateId()).get(0) : year);
	}

	@GetMapping("/api/repair-plans/{number}")
	PlanJson plan(@PathVariable String number, Authentication staff) {
		Staff viewer = Staff.of(staff);
		viewer.require(RepairPlanPageController.REFUSAL, RepairPlanPageController.READERS);
		return new PlanJson(plans.byNumber(viewer.estateId(), number), plans.progress(number));
	}

	@PostMapping("/api/repair-plans/{number}/progress")
	@ResponseStatus(HttpStatus.CREATED)
	Progress progress(@PathVariable String number, @Valid @RequestBody ProgressJson body, Authentication staff) {
		return plans.recordProgress(number, body.percent(), body.note(), Staff.of(staff));
	}

}
