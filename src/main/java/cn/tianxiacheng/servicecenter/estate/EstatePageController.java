package cn.tianxiacheng.servicecenter.estate;

import java.time.Clock;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.system.RefusedInputShownOn;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 小区与房屋 (the administrator's): the estates with their buildings and units, the form that adds
 * an estate from a file of its buildings and units, the form that brings an estate's owners,
 * residents, tenants or vehicles from another system, the form of its opening balances (posted to
 * the fee module's {@code /estates/balances}), each estate's gates, time zone and business hours, and the
 * record of every import.
 */
@Controller
class EstatePageController {

	private static final String REFUSAL = "只有系统管理员可以查看和添加小区";

	private final EstateImports imports;

	private final HouseholdImports households;

	private final EstateGateSettings gates;

	private final EstateHoursSettings hours;

	private final Clock clock;

	EstatePageController(EstateImports imports, HouseholdImports households, EstateGateSettings gates,
			EstateHoursSettings hours, Clock clock) {
		this.imports = imports;
		this.households = households;
		this.gates = gates;
		this.hours = hours;
		this.clock = clock;
	}

	@GetMapping("/estates")
	String estates(@RequestParam(required = false) Long imported, Authentication viewer, Model model) {
		Staff.of(viewer).require(REFUSAL, StaffGroup.ADMIN);
		model.addAttribute("estates", imports.estates());
		model.addAttribute("imports", imports.all());
		model.addAttribute("justImported", imported == null ? null : imports.one(imported).orElse(null));
		model.addAttribute("columns", String.join(",", EstateCsv.COLUMNS));
		model.addAttribute("requestId", UUID.randomUUID().toString());
		model.addAttribute("householdKinds", HouseholdKind.values());
		model.addAttribute("householdsRequestId", UUID.randomUUID().toString());
		model.addAttribute("balancesRequestId", UUID.randomUUID().toString());
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("zones", EstateZoneChoices.LABELS);
		return "estates/list";
	}

	@PostMapping("/estates")
	@RefusedInputShownOn("/estates")
	String add(@Valid @ModelAttribute EstateForm form, @RequestParam(required = false) MultipartFile file,
			Authentication staff) {
		long imported = imports.add(form.toNewEstate(), file == null ? null : file.getOriginalFilename(),
				EstateImportRecords.bytes(file), Staff.of(staff));
		return "redirect:/estates?imported=" + imported;
	}

	@PostMapping("/estates/households")
	@RefusedInputShownOn("/estates")
	String bringIn(@Valid @ModelAttribute HouseholdImportForm form, @RequestParam(required = false) MultipartFile file,
			Authentication staff) {
		long imported = households.bringIn(form.toImport(), file == null ? null : file.getOriginalFilename(),
				EstateImportRecords.bytes(file), Staff.of(staff));
		return "redirect:/estates?imported=" + imported;
	}

	@PostMapping("/estates/{code}/gates")
	@RefusedInputShownOn("/estates")
	String setGates(@PathVariable String code, @RequestParam(required = false) String gates, Authentication staff) {
		this.gates.set(code, gates, Staff.of(staff));
		return "redirect:/estates";
	}

	@PostMapping("/estates/{code}/hours")
	@RefusedInputShownOn("/estates")
	String setHours(@PathVariable String code, @Valid @ModelAttribute EstateHoursForm form, Authentication staff) {
		hours.set(code, form, Staff.of(staff));
		return "redirect:/estates";
	}

}
