package cn.tianxiacheng.servicecenter.decoration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.decoration.DecorationApplications.Applied;
import cn.tianxiacheng.servicecenter.system.EstateDirectory;
import cn.tianxiacheng.servicecenter.system.EstateHours;
import cn.tianxiacheng.servicecenter.system.Photos;
import cn.tianxiacheng.servicecenter.system.RefusedInputShownOn;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 装修 pages: reception's application, a decoration with what each group records there, the
 * printable permit, and the decorations under way per building for engineering and security.
 */
@Controller
class DecorationPageController {

	private final DecorationApplications applications;

	private final DecorationExtensions extensions;

	private final DecorationInspections inspections;

	private final DecorationViews views;

	private final DecorationPhotos photos;

	private final EstateDirectory estates;

	private final Clock clock;

	DecorationPageController(DecorationApplications applications, DecorationExtensions extensions,
			DecorationInspections inspections, DecorationViews views, DecorationPhotos photos, EstateDirectory estates,
			Clock clock) {
		this.applications = applications;
		this.photos = photos;
		this.extensions = extensions;
		this.inspections = inspections;
		this.views = views;
		this.estates = estates;
		this.clock = clock;
	}

	@GetMapping("/decorations")
	String underWay(@RequestParam(required = false) Integer building, Authentication viewer, Model model) {
		model.addAttribute("building", building);
		model.addAttribute("rows", views.underWay(Staff.of(viewer).estateId(), building));
		model.addAttribute("zone", clock.getZone());
		return "decorations/list";
	}

	@GetMapping("/decorations/new")
	String form(Model model) {
		model.addAttribute("requestId", UUID.randomUUID().toString());
		model.addAttribute("scopes", Scope.values());
		model.addAttribute("roles", ApplicantRole.values());
		model.addAttribute("today", LocalDate.now(clock));
		return "decorations/new";
	}

	@PostMapping("/decorations")
	@RefusedInputShownOn("/decorations/new")
	String apply(@Valid @ModelAttribute DecorationForm form, Authentication staff, RedirectAttributes redirect) {
		Applied applied = applications.apply(form.toApplication(), Staff.of(staff));
		redirect.addFlashAttribute("notice", "已受理，编号 " + applied.decorationNumber() + "。请在任务列表的“待领取 · 接待员”中"
				+ "领取下一步继续办理。");
		return "redirect:/decorations/" + applied.decorationNumber();
	}

	@GetMapping("/decorations/{number}")
	String show(@PathVariable String number, Authentication viewer, Model model) {
		Staff staff = Staff.of(viewer);
		model.addAttribute("d", views.view(number, staff));
		model.addAttribute("photos", photos.of(number, staff));
		model.addAttribute("seesPhotos", staff.isIn(DecorationPhotos.READERS));
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("checklist", ChecklistItem.values());
		model.addAttribute("receives", staff.isIn(StaffGroup.RECEPTION));
		model.addAttribute("supervises", staff.isIn(StaffGroup.ENGINEERING, StaffGroup.SECURITY));
		model.addAttribute("patrols", staff.isIn(StaffGroup.SECURITY));
		model.addAttribute("objects", staff.isIn(StaffGroup.RECEPTION, StaffGroup.ENGINEERING));
		model.addAttribute("worksHours", worksHours(staff));
		return "decorations/details";
	}

	@GetMapping("/decorations/{number}/permit")
	String permit(@PathVariable String number, Authentication viewer, Model model) {
		Staff staff = Staff.of(viewer);
		model.addAttribute("p", views.permit(number, staff));
		model.addAttribute("estateName", staff.estate().name());
		model.addAttribute("worksHours", worksHours(staff));
		model.addAttribute("zone", clock.getZone());
		return "decorations/permit";
	}

	/** 装修施工时间 as the administrator set it for the estate the decoration is in (the viewer's). */
	private String worksHours(Staff viewer) {
		return EstateHours.shown(estates.hours(viewer.workingEstate().code()).orElse(EstateHours.DEFAULT).works());
	}

	@PostMapping("/decorations/{number}/violations")
	@RefusedInputShownOn("/decorations/{number}")
	String reportViolation(@PathVariable String number, @RequestParam String source,
			@RequestParam(required = false) String complaintCaseNumber, @RequestParam String description,
			@RequestParam(defaultValue = "false") boolean serious, @RequestParam(required = false) LocalDate rectifyBy,
			@RequestParam(required = false) List<MultipartFile> photos, Authentication staff,
			RedirectAttributes redirect) {
		return act(number, redirect, "违章已登记，整改通知随即下达。", () -> this.photos.reportViolation(number, source,
				StringUtils.hasText(complaintCaseNumber) ? complaintCaseNumber.strip() : null, description, serious,
				rectifyBy, Photos.uploads(photos), Staff.of(staff)));
	}

	@PostMapping("/decorations/{number}/patrols")
	@RefusedInputShownOn("/decorations/{number}")
	String recordPatrol(@PathVariable String number, @RequestParam(required = false) List<String> failedItems,
			@RequestParam(required = false) String notes, @RequestParam(required = false) List<MultipartFile> photos,
			Authentication staff, RedirectAttributes redirect) {
		return act(number, redirect, "巡查已登记。", () -> this.photos.recordPatrol(number,
				DecorationApiController.checklist(failedItems), StringUtils.hasText(notes) ? notes.strip() : null,
				Photos.uploads(photos), Staff.of(staff)));
	}

	@GetMapping("/decorations/{number}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable String number, @PathVariable long photoId, Authentication viewer) {
		return photos.image(number, photoId, Staff.of(viewer)).response();
	}

	@PostMapping("/decorations/{number}/extension-requests")
	@RefusedInputShownOn("/decorations/{number}")
	String requestExtension(@PathVariable String number, @RequestParam(required = false) LocalDate newEnd,
			@RequestParam String reason, Authentication staff, RedirectAttributes redirect) {
		return act(number, redirect, "延期申请已提交工程部审核。",
				() -> extensions.requestExtension(number, newEnd, reason, Staff.of(staff)));
	}

	@PostMapping("/decorations/{number}/completion-application")
	@RefusedInputShownOn("/decorations/{number}")
	String applyForCompletion(@PathVariable String number, Authentication staff, RedirectAttributes redirect) {
		return act(number, redirect, "竣工验收申请已提交工程部。",
				() -> inspections.applyForCompletion(number, Staff.of(staff)));
	}

	@PostMapping("/decorations/{number}/objections")
	@RefusedInputShownOn("/decorations/{number}")
	String raiseObjection(@PathVariable String number, @RequestParam String description, Authentication staff,
			RedirectAttributes redirect) {
		return act(number, redirect, "异议已登记，退押金前由工程部核查。",
				() -> inspections.raiseObjection(number, description, Staff.of(staff)));
	}

	private static String act(String number, RedirectAttributes redirect, String done, Runnable action) {
		action.run();
		redirect.addFlashAttribute("notice", done);
		return "redirect:/decorations/" + number;
	}

}
