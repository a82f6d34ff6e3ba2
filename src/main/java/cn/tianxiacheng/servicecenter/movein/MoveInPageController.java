package cn.tianxiacheng.servicecenter.movein;

import java.util.List;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.estate.PersonalDataMask;
import cn.tianxiacheng.servicecenter.estate.PersonalDataPolicy;
import cn.tianxiacheng.servicecenter.movein.MoveIns.MoveIn;
import cn.tianxiacheng.servicecenter.movein.MoveIns.Person;
import cn.tianxiacheng.servicecenter.system.RefusedInputShownOn;
import cn.tianxiacheng.servicecenter.system.Staff;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * 入伙登记: the reception's page for a new owner's first day. Personal data goes to the app's
 * tables; the process gets the record's id. 入伙资料: the move-in's owners, household and
 * vehicles, which its tasks' forms link to, shown as the personal-data rule allows.
 */
@Controller
class MoveInPageController {

	private final MoveIns moveIns;

	private final PersonalDataPolicy personalData;

	MoveInPageController(MoveIns moveIns, PersonalDataPolicy personalData) {
		this.moveIns = moveIns;
		this.personalData = personalData;
	}

	/** Not read-only: a read in clear is logged. */
	@GetMapping("/move-ins/{caseNumber}")
	String show(@PathVariable String caseNumber, Authentication viewer, Model model) {
		Staff staff = Staff.of(viewer);
		MoveIn moveIn = moveIns.byCaseNumber(caseNumber, staff.estateId());
		PersonalDataMask mask = personalData.forRecord(staff, "MOVE_IN", caseNumber, "入伙资料");
		model.addAttribute("moveIn", moveIn);
		model.addAttribute("owners", shown(moveIns.people(moveIn.id(), "OWNER"), mask));
		model.addAttribute("members", shown(moveIns.people(moveIn.id(), "MEMBER"), mask));
		model.addAttribute("vehicles", moveIns.vehicles(moveIn.id()));
		return "movein/details";
	}

	private static List<Person> shown(List<Person> people, PersonalDataMask mask) {
		return people.stream()
			.map(p -> new Person(mask.name(p.name()), p.relation(), p.idNumber() == null ? null : mask.idNumber(p.idNumber()),
					p.phone() == null || p.phone().isBlank() ? null : mask.phone(p.phone())))
			.toList();
	}

	@GetMapping("/move-ins/new")
	String form(Model model) {
		model.addAttribute("requestId", UUID.randomUUID().toString());
		return "movein/new";
	}

	@PostMapping("/move-ins")
	@RefusedInputShownOn("/move-ins/new")
	String register(@Valid @ModelAttribute MoveInForm form, Authentication staff, Model model) {
		model.addAttribute("registered", moveIns.register(form.toRegistration(), Staff.of(staff)));
		return "movein/registered";
	}

}
