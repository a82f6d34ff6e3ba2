package cn.tianxiacheng.servicecenter.release;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.release.GateChecks.Reason;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.ApplicantKind;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.Item;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.Registered;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.Request;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
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

	private final ReleaseProperties properties;

	private final UnitRepository units;

	private final Clock clock;

	ReleasePageController(ReleasePasses passes, PassViews views, GateChecks gateChecks, ReleaseReport report,
			ReleaseProperties properties, UnitRepository units, Clock clock) {
		this.passes = passes;
		this.views = views;
		this.gateChecks = gateChecks;
		this.report = report;
		this.properties = properties;
		this.units = units;
		this.clock = clock;
	}

	@GetMapping("/release-passes")
	String list(@RequestParam(required = false) String unit, Authentication viewer, Model model) {
		Long unitId = StringUtils.hasText(unit) ? units.findByNumber(unit.strip()).map(u -> u.getId()).orElse(-1L) : null;
		model.addAttribute("unit", unit);
		model.addAttribute("passes", views.list(unitId, Staff.of(viewer)));
		model.addAttribute("mayRequest", Staff.of(viewer).isIn(StaffGroup.RECEPTION, StaffGroup.MANAGER));
		return "release/list";
	}

	@GetMapping("/release-passes/new")
	String form(Model model) {
		// from now: a pass issued at the counter is often used at once
		LocalDateTime start = LocalDateTime.now(clock).withSecond(0).withNano(0);
		model.addAttribute("requestId", UUID.randomUUID().toString());
		model.addAttribute("kinds", ApplicantKind.values());
		model.addAttribute("gates", properties.gates());
		model.addAttribute("lines", ITEM_LINES);
		model.addAttribute("validFrom", start);
		model.addAttribute("validTo", start.plusHours(4));
		return "release/new";
	}

	@PostMapping("/release-passes")
	String request(@RequestParam String requestId, @RequestParam String unitNumber, @RequestParam ApplicantKind applicantKind,
			@RequestParam String applicantName, @RequestParam String applicantPhone,
			@RequestParam(defaultValue = "") String agentIdNumber, @RequestParam(defaultValue = "") String agentCompany,
			@RequestParam(defaultValue = "false") boolean moveOut, @RequestParam List<String> itemName,
			@RequestParam List<String> itemQuantity, @RequestParam List<String> itemNote,
			@RequestParam LocalDateTime validFrom, @RequestParam LocalDateTime validTo,
			@RequestParam(defaultValue = "") String vehiclePlate, @RequestParam String gate, Authentication staff,
			Model model) {
		try {
			if (itemQuantity.size() != itemName.size() || itemNote.size() != itemName.size()) {
				throw new BadInputException("物品的名称、数量和备注须逐行对应，请重新填写物品清单");
			}
			List<Item> items = new ArrayList<>();
			for (int i = 0; i < itemName.size(); i++) {
				if (StringUtils.hasText(itemName.get(i))) {
					items.add(new Item(itemName.get(i), quantity(itemQuantity.get(i)), itemNote.get(i)));
				}
			}
			Registered registered = passes.request(new Request(requestId, unitNumber, applicantKind, applicantName,
					applicantPhone, agentIdNumber, agentCompany, moveOut, items, validFrom, validTo, vehiclePlate, gate),
					Staff.of(staff));
			return "redirect:/release-passes/" + registered.passNumber();
		}
		catch (BadInputException | BusinessRuleException | ConflictException ex) {
			form(model);
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("unitNumber", unitNumber);
			return "release/new";
		}
	}

	@GetMapping("/release-passes/{passNumber}")
	String show(@PathVariable String passNumber, Authentication viewer, Model model) {
		model.addAttribute("pass", views.of(passNumber, Staff.of(viewer)));
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("mayRevoke", Staff.of(viewer).isIn(StaffGroup.RECEPTION, StaffGroup.MANAGER));
		return "release/details";
	}

	@PostMapping("/release-passes/{passNumber}/revocation")
	String revoke(@PathVariable String passNumber, @RequestParam String reason, Authentication staff, Model model) {
		try {
			passes.revoke(passNumber, reason, Staff.of(staff));
			model.addAttribute("notice", "放行条已作废，门岗扫码将被拒绝。");
		}
		catch (BadInputException | ConflictException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return show(passNumber, staff, model);
	}

	@GetMapping("/gate")
	String gate(@RequestParam(required = false) String gate, Authentication guard, Model model) {
		requireGuard(guard);
		model.addAttribute("gates", properties.gates());
		model.addAttribute("gate", gate);
		return "release/gate";
	}

	@PostMapping("/gate/scan")
	String scan(@RequestParam String passNumber, @RequestParam(defaultValue = "") String signature,
			@RequestParam String gate, Authentication guard, Model model) {
		requireGuard(guard);
		try {
			model.addAttribute("view", gateChecks.scan(passNumber, signature, gate, Staff.of(guard)));
			model.addAttribute("signature", signature);
			model.addAttribute("reasons", Reason.GUARDS.stream().sorted().toList());
		}
		catch (BadInputException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return gate(gate, guard, model);
	}

	@PostMapping("/gate/checks")
	String decide(@RequestParam String passNumber, @RequestParam(defaultValue = "") String signature,
			@RequestParam String gate, @RequestParam boolean released, @RequestParam(required = false) Reason reason,
			@RequestParam(defaultValue = "") String remark, Authentication guard, Model model) {
		requireGuard(guard);
		try {
			model.addAttribute("result",
					gateChecks.decide(passNumber, signature, gate, released, reason, remark, Staff.of(guard)));
		}
		catch (BadInputException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return gate(gate, guard, model);
	}

	@GetMapping("/release-passes/report")
	String report(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			Model model) {
		LocalDate end = to == null ? LocalDate.now(clock) : to;
		LocalDate start = from == null ? end.minusDays(6) : from;
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		try {
			model.addAttribute("rows", report.between(start, end));
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

	private static Integer quantity(String text) {
		try {
			return StringUtils.hasText(text) ? Integer.valueOf(text.strip()) : null;
		}
		catch (NumberFormatException ex) {
			throw new BadInputException("物品数量须是 1 到 999 的整数");
		}
	}

}
