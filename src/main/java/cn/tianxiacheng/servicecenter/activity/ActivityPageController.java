package cn.tianxiacheng.servicecenter.activity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.activity.Activities.Activity;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Photos;
import cn.tianxiacheng.servicecenter.system.RefusedInputShownOn;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
		model.addAttribute("activities", activities.latest(staff.estateId(), 200));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("mayPlan", staff.isIn(Activities.ORGANISERS));
		model.addAttribute("requestId", UUID.randomUUID().toString());
		return "activities/list";
	}

	@PostMapping("/activities")
	@RefusedInputShownOn("/activities")
	String plan(@ModelAttribute ActivityPlanForm form, Authentication authentication) {
		Staff staff = Staff.of(authentication);
		staff.require("只有接待员或经理可以策划社区文化活动", Activities.ORGANISERS);
		String number = activities.plan(form.toPlan(), staff);
		return "redirect:/activities/" + number + "?planned";
	}

	@GetMapping("/activities/{number}")
	String show(@PathVariable String number, Authentication authentication, Model model) {
		Staff staff = Staff.of(authentication);
		staff.require(REFUSAL, READERS);
		Activity activity = activities.byNumber(staff.estateId(), number);
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("a", activity);
		model.addAttribute("photos", activities.photos(staff.estateId(), number));
		model.addAttribute("today", today);
		model.addAttribute("zone", clock.getZone());
		boolean organiser = staff.isIn(Activities.ORGANISERS);
		model.addAttribute("maySummarize", organiser && !activity.isSummarized() && !today.isBefore(activity.heldOn()));
		model.addAttribute("mayAddPhotos", organiser && activity.isSummarized());
		return "activities/details";
	}

	@PostMapping("/activities/{number}/summary")
	@RefusedInputShownOn("/activities/{number}")
	String summarize(@PathVariable String number, @ModelAttribute ActivitySummaryForm form,
			@RequestParam(required = false) List<MultipartFile> photos, Authentication authentication) {
		Staff staff = Staff.of(authentication);
		staff.require("只有接待员或经理可以总结社区文化活动", Activities.ORGANISERS);
		activities.summarize(number, form.toSummary(), Photos.uploads(photos), staff);
		return "redirect:/activities/" + number + "?summarized";
	}

	@PostMapping("/activities/{number}/photos")
	@RefusedInputShownOn("/activities/{number}")
	String addPhotos(@PathVariable String number, @RequestParam(required = false) List<MultipartFile> photos,
			Authentication authentication) {
		Staff staff = Staff.of(authentication);
		staff.require("只有接待员或经理可以上传活动照片", Activities.ORGANISERS);
		activities.addPhotos(number, Photos.uploads(photos), staff);
		return "redirect:/activities/" + number + "?uploaded#photos";
	}

	@GetMapping("/activities/{number}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable String number, @PathVariable long photoId, Authentication authentication) {
		Staff staff = Staff.of(authentication);
		staff.require(REFUSAL, READERS);
		return activities.photo(staff.estateId(), number, photoId).orElseThrow(() -> new NotFoundException("照片不存在")).response();
	}

}
