package cn.tianxiacheng.servicecenter.casework;

import java.time.Clock;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** 案件: the case page Tasklist forms link to, with the contact's phone for those allowed. */
@Controller
class CasePageController {

	private final CaseQueries queries;

	private final Clock clock;

	CasePageController(CaseQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	@GetMapping("/cases/{caseNumber}")
	String show(@PathVariable String caseNumber, Authentication viewer, Model model) {
		model.addAttribute("c", queries.byNumber(caseNumber, viewer));
		model.addAttribute("zone", clock.getZone());
		return "cases/details";
	}

}
