package cn.tianxiacheng.servicecenter.survey;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.survey.Surveys.Campaign;
import cn.tianxiacheng.servicecenter.survey.Surveys.Report;
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
		model.addAttribute("campaigns", surveys.campaigns(staff.estateId()));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("mayStart", staff.isIn(StaffGroup.MANAGER, StaffGroup.RECEPTION));
		model.addAttribute("buildings", surveys.buildingNumbers(staff.estateId()));
		model.addAttribute("requestId", UUID.randomUUID().toString());
		model.addAttribute("endsOn", LocalDate.now(clock).plusDays(30));
		return "surveys/list";
	}

	@PostMapping("/surveys")
	@RefusedInputShownOn("/surveys")
	String start(@Valid @ModelAttribute SurveyForm form, Authentication authentication) {
		Staff staff = Staff.of(authentication);
		staff.require("只有经理或接待员可以发起满意度调查", StaffGroup.MANAGER, StaffGroup.RECEPTION);
		long id = surveys.start(StringUtils.hasText(form.requestId()) ? form.requestId() : null, form.title().strip(),
				form.buildingList(), form.endsOn(), staff);
		return "redirect:/surveys/" + id + "?started";
	}

	/** How many units still to call the page lists; the count shows how many there are in all. */
	private static final int TO_CALL_SHOWN = 200;

	@GetMapping("/surveys/{id}")
	String report(@PathVariable long id, Authentication authentication, Model model) {
		Staff staff = Staff.of(authentication);
		staff.require(REFUSAL, READERS);
		Campaign campaign = surveys.campaign(staff.estateId(), id);
		Report report = surveys.report(staff.estateId(), id);
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

	/** One unit's answers taken by phone. */
	@PostMapping("/surveys/{id}/answers")
	@RefusedInputShownOn("/surveys/{id}")
	String answer(@PathVariable long id, @Valid @ModelAttribute SurveyAnswerForm form, Authentication authentication) {
		Staff staff = Staff.of(authentication);
		staff.require("只有接待员可以录入调查答卷", StaffGroup.RECEPTION);
		surveys.answer(id, surveys.unitId(staff.estateId(), form.unitNumber()), form.scores(), form.givenComment(), staff);
		return "redirect:/surveys/" + id + "?answered=" + URLEncoder.encode(form.unitNumber().strip(), StandardCharsets.UTF_8);
	}

}
