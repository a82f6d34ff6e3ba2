package cn.tianxiacheng.servicecenter.activity;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.activity.Activities.Activity;
import cn.tianxiacheng.servicecenter.activity.Activities.Plan;
import cn.tianxiacheng.servicecenter.activity.Activities.Summary;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Photos;
import cn.tianxiacheng.servicecenter.system.SaneDates;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 社区文化活动 pages: the activities with the form to plan one; an activity with its plan, and once
 * held its summary with the photos, which reception or the manager upload.
 */
@Controller
class ActivityPageController {

	static final StaffGroup[] READERS = { StaffGroup.RECEPTION, StaffGroup.MANAGER, StaffGroup.DIRECTOR,
			StaffGroup.AUDITOR };

	private static final String REFUSAL = "您的岗位不能查看社区文化活动";

	private final Activities activities;

	private final Clock clock;

	ActivityPageController(Activities activities, Clock clock) {
		this.activities = activities;
		this.clock = clock;
	}

	@GetMapping("/activities")
	String list(Authentication authentication, Model model) {
		Staff staff = Staff.of(authentication);
		staff.require(REFUSAL, READERS);
		model.addAttribute("activities", activities.latest(200));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("mayPlan", staff.isIn(Activities.ORGANISERS));
		model.addAttribute("requestId", UUID.randomUUID().toString());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Map.of());
		}
		return "activities/list";
	}

	@PostMapping("/activities")
	String plan(@RequestParam(required = false) String requestId, @RequestParam(required = false) String title,
			@RequestParam(required = false) String heldOn, @RequestParam(required = false) String place,
			@RequestParam(required = false) String plan, @RequestParam(required = false) String audience,
			@RequestParam(required = false) String expectedParticipants, @RequestParam(required = false) String budget,
			Authentication authentication, Model model, HttpServletResponse response) {
		Staff staff = Staff.of(authentication);
		staff.require("只有接待员或经理可以策划社区文化活动", Activities.ORGANISERS);
		try {
			String number = activities.plan(new Plan(requestId == null || requestId.isBlank() ? null : requestId, title,
					date(heldOn), place, plan, audience, count(expectedParticipants, "预计参加人数"), amount(budget, "预算")),
					staff);
			return "redirect:/activities/" + number + "?planned";
		}
		catch (BadInputException | BusinessRuleException ex) {
			response.setStatus(ex instanceof BadInputException ? 400 : 422);
			model.addAttribute("error", ex.getMessage());
			Map<String, String> form = new LinkedHashMap<>();
			form.put("title", title);
			form.put("heldOn", heldOn);
			form.put("place", place);
			form.put("plan", plan);
			form.put("audience", audience);
			form.put("expectedParticipants", expectedParticipants);
			form.put("budget", budget);
			model.addAttribute("form", form);
			return list(authentication, model);
		}
	}

	@GetMapping("/activities/{number}")
	String show(@PathVariable String number, Authentication authentication, Model model) {
		Staff staff = Staff.of(authentication);
		staff.require(REFUSAL, READERS);
		Activity activity = activities.byNumber(number);
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("a", activity);
		model.addAttribute("photos", activities.photos(number));
		model.addAttribute("today", today);
		model.addAttribute("zone", clock.getZone());
		boolean organiser = staff.isIn(Activities.ORGANISERS);
		model.addAttribute("maySummarize", organiser && !activity.isSummarized() && !today.isBefore(activity.heldOn()));
		model.addAttribute("mayAddPhotos", organiser && activity.isSummarized());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Map.of());
		}
		return "activities/details";
	}

	@PostMapping("/activities/{number}/summary")
	String summarize(@PathVariable String number, @RequestParam(required = false) String summary,
			@RequestParam(required = false) String actualParticipants, @RequestParam(required = false) String actualCost,
			@RequestParam(required = false) List<MultipartFile> photos, Authentication authentication, Model model,
			HttpServletResponse response) {
		Staff staff = Staff.of(authentication);
		staff.require("只有接待员或经理可以总结社区文化活动", Activities.ORGANISERS);
		try {
			activities.summarize(number, new Summary(summary, count(actualParticipants, "实际参加人数"),
					amount(actualCost, "实际费用")), Photos.uploads(photos), staff);
			return "redirect:/activities/" + number + "?summarized";
		}
		catch (BadInputException | BusinessRuleException | ConflictException ex) {
			refuse(ex, model, response);
			Map<String, String> form = new LinkedHashMap<>();
			form.put("summary", summary);
			form.put("actualParticipants", actualParticipants);
			form.put("actualCost", actualCost);
			model.addAttribute("form", form);
			return show(number, authentication, model);
		}
	}

	@PostMapping("/activities/{number}/photos")
	String addPhotos(@PathVariable String number, @RequestParam(required = false) List<MultipartFile> photos,
			Authentication authentication, Model model, HttpServletResponse response) {
		Staff staff = Staff.of(authentication);
		staff.require("只有接待员或经理可以上传活动照片", Activities.ORGANISERS);
		try {
			activities.addPhotos(number, Photos.uploads(photos), staff);
			return "redirect:/activities/" + number + "?uploaded#photos";
		}
		catch (BadInputException | BusinessRuleException ex) {
			refuse(ex, model, response);
			return show(number, authentication, model);
		}
	}

	@GetMapping("/activities/{number}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable String number, @PathVariable long photoId, Authentication authentication) {
		Staff.of(authentication).require(REFUSAL, READERS);
		return activities.photo(number, photoId).orElseThrow(() -> new NotFoundException("照片不存在")).response();
	}

	private static void refuse(RuntimeException ex, Model model, HttpServletResponse response) {
		response.setStatus(ex instanceof BadInputException ? 400 : ex instanceof ConflictException ? 409 : 422);
		model.addAttribute("error", ex.getMessage());
	}

	private static LocalDate date(String text) {
		LocalDate date;
		try {
			date = LocalDate.parse(text == null ? "" : text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadInputException("请按 年-月-日 填写活动日期，如 2026-12-20");
		}
		SaneDates.check("活动日期", date);
		return date;
	}

	private static Integer count(String text, String label) {
		if (text == null || !text.strip().matches("\\d{1,6}")) {
			throw new BadInputException(label + "应为整数");
		}
		return Integer.valueOf(text.strip());
	}

	private static BigDecimal amount(String text, String label) {
		if (text == null || !text.strip().matches("\\d{1,8}(\\.\\d{1,2})?")) {
			throw new BadInputException(label + "应为金额（元），最多两位小数，如 3000.00");
		}
		return new BigDecimal(text.strip());
	}

}
