package cn.tianxiacheng.servicecenter.survey;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.survey.Surveys.Campaign;
import cn.tianxiacheng.servicecenter.survey.Surveys.Report;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
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
 * 满意度调查 pages: the campaigns with their response rates and the form to start one; a campaign's
 * report by service area and by building, with charts, where reception enters the answers taken
 * by phone.
 */
@Controller
class SurveyPageController {

	static final StaffGroup[] READERS = { StaffGroup.RECEPTION, StaffGroup.MANAGER, StaffGroup.DIRECTOR,
			StaffGroup.AUDITOR };

	private static final String REFUSAL = "您的岗位不能查看满意度调查";

	private final Surveys surveys;

	private final Clock clock;

	SurveyPageController(Surveys surveys, Clock clock) {
		this.surveys = surveys;
		this.clock = clock;
	}

	@GetMapping("/surveys")
	String list(Authentication authentication, Model model) {
		Staff staff = Staff.of(authentication);
		staff.require(REFUSAL, READERS);
		model.addAttribute("campaigns", surveys.campaigns());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("mayStart", staff.isIn(StaffGroup.MANAGER, StaffGroup.RECEPTION));
		model.addAttribute("buildings", surveys.buildingNumbers());
		model.addAttribute("requestId", UUID.randomUUID().toString());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form",
					Map.of("endsOn", LocalDate.now(clock).plusDays(30).toString(), "buildings", List.of()));
		}
		return "surveys/list";
	}

	@PostMapping("/surveys")
	String start(@RequestParam(required = false) String requestId, @RequestParam(required = false) String title,
			@RequestParam(required = false) List<String> buildings, @RequestParam(required = false) String endsOn,
			Authentication authentication, Model model, HttpServletResponse response) {
		Staff staff = Staff.of(authentication);
		staff.require("只有经理或接待员可以发起满意度调查", StaffGroup.MANAGER, StaffGroup.RECEPTION);
		try {
			if (title == null || title.isBlank() || title.strip().length() > 100) {
				throw new BadInputException("请填写调查名称（最多 100 个字）");
			}
			List<Integer> targets = new ArrayList<>();
			for (String building : buildings == null ? List.<String>of() : buildings) {
				if (!building.matches("\\d{1,3}")) {
					throw new BadInputException("楼栋应为楼号，如 2");
				}
				targets.add(Integer.valueOf(building));
			}
			LocalDate ends;
			try {
				ends = LocalDate.parse(endsOn == null ? "" : endsOn.strip());
			}
			catch (DateTimeParseException ex) {
				throw new BadInputException("请按 年-月-日 填写截止日期，如 2026-12-31");
			}
			SaneDates.check("截止日期", ends);
			long id = surveys.start(requestId == null || requestId.isBlank() ? null : requestId, title.strip(), targets,
					ends, staff.id());
			return "redirect:/surveys/" + id + "?started";
		}
		catch (BadInputException | BusinessRuleException ex) {
			response.setStatus(ex instanceof BadInputException ? 400 : 422);
			model.addAttribute("error", ex.getMessage());
			Map<String, Object> form = new LinkedHashMap<>();
			form.put("title", title);
			form.put("endsOn", endsOn);
			form.put("buildings", buildings == null ? List.of() : buildings);
			model.addAttribute("form", form);
			return list(authentication, model);
		}
	}

	/** How many units still to call the page lists; the count shows how many there are in all. */
	private static final int TO_CALL_SHOWN = 200;

	@GetMapping("/surveys/{id}")
	String report(@PathVariable long id, Authentication authentication, Model model) {
		Staff staff = Staff.of(authentication);
		staff.require(REFUSAL, READERS);
		Campaign campaign = surveys.campaign(id);
		Report report = surveys.report(id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("report", report);
		model.addAttribute("areas", Surveys.AREAS);
		model.addAttribute("areaMeans", Surveys.AREAS.stream().map(area -> report.meanByArea().get(area)).toList());
		List<String> buildingLabels = new ArrayList<>();
		List<List<BigDecimal>> buildingMeans = new ArrayList<>();
		report.meanByBuilding().forEach((building, means) -> {
			buildingLabels.add(building + "号楼");
			buildingMeans.add(Surveys.AREAS.stream().map(means::get).toList());
		});
		model.addAttribute("buildingLabels", buildingLabels);
		model.addAttribute("buildingMeans", buildingMeans);
		boolean mayAnswer = staff.isIn(StaffGroup.RECEPTION) && campaign.isOpenOn(LocalDate.now(clock));
		model.addAttribute("mayAnswer", mayAnswer);
		model.addAttribute("toCall", mayAnswer ? surveys.toCall(id, TO_CALL_SHOWN) : List.of());
		return "surveys/report";
	}

	/** One unit's answers taken by phone: a score of 1–5 for each area the owner rated ({@code score0}…). */
	@PostMapping("/surveys/{id}/answers")
	String answer(@PathVariable long id, @RequestParam(required = false) String unitNumber,
			@RequestParam Map<String, String> fields, Authentication authentication, Model model,
			HttpServletResponse response) {
		Staff staff = Staff.of(authentication);
		staff.require("只有接待员可以录入调查答卷", StaffGroup.RECEPTION);
		try {
			if (unitNumber == null || unitNumber.isBlank()) {
				throw new BadInputException("请填写房号");
			}
			Map<String, Integer> scores = new LinkedHashMap<>();
			for (int i = 0; i < Surveys.AREAS.size(); i++) {
				String score = fields.get("score" + i);
				if (score == null || score.isBlank()) {
					continue;
				}
				if (!score.matches("[1-5]")) {
					throw new BadInputException("“" + Surveys.AREAS.get(i) + "”的评分必须是 1 到 5 分");
				}
				scores.put(Surveys.AREAS.get(i), Integer.valueOf(score));
			}
			if (scores.isEmpty()) {
				throw new BadInputException("请至少为一个服务项目评分");
			}
			String comment = fields.get("comment");
			if (comment != null && comment.strip().length() > 1000) {
				throw new BadInputException("意见最多 1000 个字");
			}
			surveys.answer(id, surveys.unitId(unitNumber), scores,
					comment == null || comment.isBlank() ? null : comment.strip(), staff.id());
			return "redirect:/surveys/" + id + "?answered=" + java.net.URLEncoder.encode(unitNumber.strip(),
					java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (BadInputException | BusinessRuleException | ConflictException ex) {
			response.setStatus(ex instanceof BadInputException ? 400 : ex instanceof ConflictException ? 409 : 422);
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("form", fields);
			return report(id, authentication, model);
		}
	}

}
