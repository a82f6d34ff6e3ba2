package cn.tianxiacheng.servicecenter.release;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.release.GateChecks.Reason;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.ApplicantKind;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.Registered;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.RefusedInputShownOn;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import jakarta.validation.Valid;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 物品放行 pages: reception's request form, the list and a pass (printable once issued), the
 * guard's gate page (made for a phone), the report.
 */
@Controller
class ReleasePageController {

	/** Item lines on the request form: fixed lines are simplest to fill on any device. */
	static final int ITEM_LINES = 8;

	private final ReleasePasses passes;

	private final PassViews views;

	private final GateChecks gateChecks;

	private final ReleaseReport report;

	private final PassGates gates;

	private final UnitRepository units;

	private final Clock clock;

	ReleasePageController(ReleasePasses passes, PassViews views, GateChecks gateChecks, ReleaseReport report,
			PassGates gates, UnitRepository units, Clock clock) {
		this.passes = passes;
		this.views = views;
		this.gateChecks = gateChecks;
		this.report = report;
		this.gates = gates;
		this.units = units;
		this.clock = clock;
	}

	@GetMapping("/release-passes")
	String list(@RequestParam(required = false) String unit, Authentication viewer, Model model) {
		Staff staff = Staff.of(viewer);
		Long unitId = StringUtils.hasText(unit)
				? units.findByBuildingEstateIdAndNumber(staff.estateId(), unit.strip()).map(u -> u.getId()).orElse(-1L)
				: null;
		model.addAttribute("unit", unit);
		model.addAttribute("passes", views.list(unitId, staff));
		model.addAttribute("mayRequest", staff.isIn(StaffGroup.RECEPTION, StaffGroup.MANAGER));
		return "release/list";
	}

	@GetMapping("/release-passes/new")
	String form(Authentication viewer, Model model) {
		// from now: a pass issued at the counter is often used at once
		LocalDateTime start = LocalDateTime.now(clock).withSecond(0).withNano(0);
		model.addAttribute("requestId", UUID.randomUUID().toString());
		model.addAttribute("kinds", ApplicantKind.values());
		model.addAttribute("gates", gates.of(Staff.of(viewer)));
		model.addAttribute("lines", ITEM_LINES);
		model.addAttribute("validFrom", start);
		model.addAttribute("validTo", start.plusHours(4));
		return "release/new";
	}

	@PostMapping("/release-passes")
	@RefusedInputShownOn("/release-passes/new")
	String request(@Valid @ModelAttribute PassRequestForm form, Authentication staff) {
		Registered registered = passes.request(form.toRequest(), Staff.of(staff));
		return "redirect:/release-passes/" + registered.passNumber();
	}

	@GetMapping("/release-passes/{passNumber}")
	String show(@PathVariable String passNumber, Authentication viewer, Model model) {
		model.addAttribute("pass", views.of(passNumber, Staff.of(viewer)));
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("mayRevoke", Staff.of(viewer).isIn(StaffGroup.RECEPTION, StaffGroup.MANAGER));
		return "release/details";
	}

	@PostMapping("/release-passes/{passNumber}/revocation")
	@RefusedInputShownOn("/release-passes/{passNumber}")
	String revoke(@PathVariable String passNumber, @RequestParam String reason, Authentication staff, Model model) {
		passes.revoke(passNumber, reason, Staff.of(staff));
		model.addAttribute("notice", "放行条已作废，门岗扫码将被拒绝。");
		return show(passNumber, staff, model);
	}

	@GetMapping("/gate")
	String gate(@RequestParam(required = false) String gate, Authentication guard, Model model) {
		requireGuard(guard);
		model.addAttribute("gates", gates.of(Staff.of(guard)));
		model.addAttribute("gate", gate);
		return "release/gate";
	}

	@PostMapping("/gate/scan")
	@RefusedInputShownOn("/gate")
	String scan(@RequestParam String passNumber, @RequestParam(defaultValue = "") String signature,
			@RequestParam String gate, Authentication guard, Model model) {
		requireGuard(guard);
		model.addAttribute("view", gateChecks.scan(passNumber, signature, gate, Staff.of(guard)));
		model.addAttribute("signature", signature);
		model.addAttribute("reasons", Reason.GUARDS.stream().sorted().toList());
		return gate(gate, guard, model);
	}

	@PostMapping("/gate/checks")
	@RefusedInputShownOn("/gate")
	String decide(@RequestParam String passNumber, @RequestParam(defaultValue = "") String signature,
			@RequestParam String gate, @RequestParam boolean released, @RequestParam(required = false) Reason reason,
			@RequestParam(defaultValue = "") String remark, Authentication guard, Model model) {
		requireGuard(guard);
		model.addAttribute("result",
				gateChecks.decide(passNumber, signature, gate, released, reason, remark, Staff.of(guard)));
		return gate(gate, guard, model);
	}

	@GetMapping("/release-passes/report")
	String report(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			Authentication viewer, Model model) {
		LocalDate end = to == null ? LocalDate.now(clock) : to;
		LocalDate start = from == null ? end.minusDays(6) : from;
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		try {
			model.addAttribute("rows", report.between(Staff.of(viewer).estateId(), start, end));
		}
		catch (BadInputException ex) {
			model.addAttribute("rows", List.of());
			model.addAttribute("error", ex.getMessage());
		}
		return "release/report";
	}

	private static void requireGuard(Authentication guard) {
		if (!Staff.of(guard).isIn(StaffGroup.SECURITY)) {
			throw new AccessDeniedException("门岗查验页面只供秩序维护部使用");
		}
	}

}
