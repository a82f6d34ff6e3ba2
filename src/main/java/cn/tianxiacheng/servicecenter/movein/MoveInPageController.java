package cn.tianxiacheng.servicecenter.movein;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.estate.PersonalDataMask;
import cn.tianxiacheng.servicecenter.estate.PersonalDataPolicy;
import cn.tianxiacheng.servicecenter.movein.MoveIns.MoveIn;
import cn.tianxiacheng.servicecenter.movein.MoveIns.Person;
import cn.tianxiacheng.servicecenter.movein.MoveIns.Registered;
import cn.tianxiacheng.servicecenter.movein.MoveIns.Registration;
import cn.tianxiacheng.servicecenter.movein.MoveIns.Vehicle;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.Staff;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

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
		MoveIn moveIn = moveIns.byCaseNumber(caseNumber);
		PersonalDataMask mask = personalData.forRecord(Staff.of(viewer), "MOVE_IN", caseNumber, "入伙资料");
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
	String register(@RequestParam String requestId, @RequestParam String unitNumber, @RequestParam String contractNumber,
			@RequestParam List<String> ownerName, @RequestParam List<String> ownerIdNumber,
			@RequestParam List<String> ownerPhone, @RequestParam(defaultValue = "") String members,
			@RequestParam(defaultValue = "") String vehicles, Authentication staff, Model model) {
		List<Person> owners = new ArrayList<>();
		for (int i = 0; i < ownerName.size(); i++) {
			if (StringUtils.hasText(ownerName.get(i))) {
				owners.add(new Person(ownerName.get(i).strip(), null, ownerIdNumber.get(i).strip().toUpperCase(),
						ownerPhone.get(i).strip()));
			}
		}
		try {
			Registered registered = moveIns.register(new Registration(requestId, unitNumber, contractNumber, owners,
					lines(members).stream().map(f -> new Person(f[0], at(f, 1), null, at(f, 2))).toList(),
					lines(vehicles).stream().map(f -> new Vehicle(f[0], at(f, 1), at(f, 2))).toList()), Staff.of(staff));
			model.addAttribute("registered", registered);
			return "movein/registered";
		}
		catch (BadInputException | BusinessRuleException | ConflictException | ArrayIndexOutOfBoundsException ex) {
			model.addAttribute("requestId", UUID.randomUUID().toString());
			model.addAttribute("error", ex instanceof ArrayIndexOutOfBoundsException ? "住户或车辆每行需用逗号分隔各项" : ex.getMessage());
			model.addAttribute("unitNumber", unitNumber);
			model.addAttribute("contractNumber", contractNumber);
			return "movein/new";
		}
	}

	/** Lines of comma separated fields ({@code 姓名,关系,电话}); blank lines are skipped. */
	private static List<String[]> lines(String text) {
		return text.lines().map(String::strip).filter(StringUtils::hasText)
			.map(line -> line.split("\\s*[,，]\\s*")).toList();
	}

	private static String at(String[] fields, int index) {
		return fields.length > index && StringUtils.hasText(fields[index]) ? fields[index] : "";
	}

}
