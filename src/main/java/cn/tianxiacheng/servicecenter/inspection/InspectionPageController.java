package cn.tianxiacheng.servicecenter.inspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.casework.CaseCategories;
import cn.tianxiacheng.servicecenter.casework.Urgency;
import cn.tianxiacheng.servicecenter.inspection.InspectionRounds.Round;
import cn.tianxiacheng.servicecenter.inspection.InspectionRounds.Route;
import cn.tianxiacheng.servicecenter.journal.StepJournal;
import cn.tianxiacheng.servicecenter.system.Photos;
import cn.tianxiacheng.servicecenter.system.RefusedInputShownOn;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
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
 * 巡查 pages: a day's rounds per route, done and missed; one round with its checkpoints, where
 * the staff member on duty records each as normal or abnormal on the phone; the equipment's
 * maintenance schedule.
 */
@Controller
class InspectionPageController {

	static final String REFUSAL = "您的岗位不能查看巡查";

	static final StaffGroup[] READERS = { StaffGroup.SECURITY, StaffGroup.ENGINEERING, StaffGroup.CLEANING,
			StaffGroup.MANAGER, StaffGroup.DIRECTOR, StaffGroup.AUDITOR };

	private final InspectionRounds rounds;

	private final EquipmentMaintenance equipment;

	private final StepJournal journal;

	private final RoundPhotos photos;

	private final Clock clock;

	InspectionPageController(InspectionRounds rounds, EquipmentMaintenance equipment, StepJournal journal,
			RoundPhotos photos, Clock clock) {
		this.rounds = rounds;
		this.photos = photos;
		this.equipment = equipment;
		this.journal = journal;
		this.clock = clock;
	}

	/** One route's rounds of the day. */
	record RouteDay(Route route, Round morning, Round afternoon) {

		/** Morning and afternoon, either missing when not scheduled. */
		public List<Round> shifts() {
			return Arrays.asList(morning, afternoon);
		}

	}

	@GetMapping("/rounds")
	String day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			Authentication staff, Model model) {
		Staff viewer = Staff.of(staff);
		viewer.require(REFUSAL, READERS);
		LocalDate shown = day == null ? LocalDate.now(clock) : day;
		List<Round> ofDay = rounds.ofDay(viewer.estateId(), shown);
		List<RouteDay> routes = rounds.routesOf(viewer.estateId(), shown)
			.stream()
			.map(route -> new RouteDay(route, find(ofDay, route, Shift.MORNING), find(ofDay, route, Shift.AFTERNOON)))
			.toList();
		Instant now = clock.instant();
		model.addAttribute("day", shown);
		model.addAttribute("routes", routes);
		model.addAttribute("done", ofDay.stream().filter(r -> r.status().equals("DONE")).count());
		model.addAttribute("missed", ofDay.stream().filter(r -> r.status().equals("MISSED")).count());
		model.addAttribute("running", ofDay.stream().filter(r -> r.isOpenAt(now)).count());
		model.addAttribute("now", now);
		return "rounds/day";
	}

	@GetMapping("/rounds/{number}")
	String round(@PathVariable String number, Authentication staff, Model model) {
		Staff viewer = Staff.of(staff);
		viewer.require(REFUSAL, READERS);
		Round round = rounds.round(viewer.estateId(), number);
		model.addAttribute("round", round);
		model.addAttribute("checkpoints", rounds.checkpointsOf(round));
		model.addAttribute("photos", photos.of(number, viewer)
			.stream()
			.collect(Collectors.groupingBy(Photos.Photo::itemId)));
		model.addAttribute("mayRecord", round.isOpenAt(clock.instant()) && viewer.groupIds().contains(round.dutyGroup()));
		model.addAttribute("categories", CaseCategories.ALL);
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("steps", journal.steps(number));
		model.addAttribute("now", clock.instant());
		model.addAttribute("zone", clock.getZone());
		return "rounds/round";
	}

	@PostMapping("/rounds/{number}/checkpoints/{checkpointId}")
	@RefusedInputShownOn("/rounds/{number}")
	String record(@PathVariable String number, @PathVariable long checkpointId, @Valid @ModelAttribute CheckpointForm form,
			@RequestParam(required = false) List<MultipartFile> photos, Authentication staff) {
		this.photos.record(number, checkpointId, form.abnormal(), form.note(), form.category(), form.urgencyOrNormal(),
				Photos.uploads(photos), Staff.of(staff));
		return "redirect:/rounds/" + number + "#checkpoint-" + checkpointId;
	}

	@GetMapping("/rounds/{number}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable String number, @PathVariable long photoId, Authentication viewer) {
		return photos.image(number, photoId, Staff.of(viewer)).response();
	}

	@GetMapping("/equipment")
	String equipment(Authentication staff, Model model) {
		Staff viewer = Staff.of(staff);
		viewer.require("您的岗位不能查看设备维保", StaffGroup.ENGINEERING, StaffGroup.MANAGER, StaffGroup.DIRECTOR,
				StaffGroup.AUDITOR);
		model.addAttribute("equipment", equipment.schedule(viewer.estateId()));
		model.addAttribute("visits", equipment.latestVisits(viewer.estateId(), 50));
		model.addAttribute("mayRecord", viewer.isIn(StaffGroup.ENGINEERING));
		model.addAttribute("maySign", viewer.isIn(StaffGroup.ENGINEERING, StaffGroup.MANAGER));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("zone", clock.getZone());
		return "rounds/equipment";
	}

	@PostMapping("/equipment/{id}/visits")
	@RefusedInputShownOn("/equipment")
	String recordVisit(@PathVariable long id, @ModelAttribute VisitForm form, Authentication staff) {
		equipment.recordVisit(id, form.maintainedOn(), form.technician(), form.workDone(), Staff.of(staff));
		return "redirect:/equipment";
	}

	@PostMapping("/equipment/visits/{visitId}/countersignature")
	@RefusedInputShownOn("/equipment")
	String countersign(@PathVariable long visitId, Authentication staff) {
		equipment.countersign(visitId, Staff.of(staff));
		return "redirect:/equipment";
	}

	private static Round find(List<Round> rounds, Route route, Shift shift) {
		return rounds.stream().filter(r -> r.routeId() == route.id() && r.shift() == shift).findFirst().orElse(null);
	}

}
