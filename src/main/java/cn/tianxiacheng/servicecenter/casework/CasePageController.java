package cn.tianxiacheng.servicecenter.casework;

import java.time.Clock;

import cn.tianxiacheng.servicecenter.system.StaffAuthorities;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 案件: the case page Tasklist forms link to, with the contact's phone for those allowed. */
@Controller
class CasePageController {

	private final CaseQueries queries;

	private final Clock clock;

	CasePageController(CaseQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	/** A case registered in Tasklist gets its contact phone here, never in the engine. */
	@PostMapping("/cases/{caseNumber}/contact-phone")
	String setContactPhone(@PathVariable String caseNumber, @RequestParam String phone, Authentication staff,
			Model model) {
		StaffAuthorities.requireAny(staff, "联系电话由接待员登记", StaffGroup.RECEPTION);
		if (!phone.strip().matches("[0-9+\\- ]{5,20}")) {
			model.addAttribute("error", "联系电话格式不正确");
		}
		else {
			queries.setContactPhone(caseNumber, phone.strip());
		}
		return show(caseNumber, staff, model);
	}

	@GetMapping("/cases/{caseNumber}")
	String show(@PathVariable String caseNumber, Authentication viewer, Model model) {
		model.addAttribute("c", queries.byNumber(caseNumber, viewer));
		model.addAttribute("zone", clock.getZone());
		return "cases/details";
	}

}
