package cn.tianxiacheng.servicecenter.system;

import java.time.Clock;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 需处理的异常: the manager's queue of steps that failed. */
@Controller
class IncidentPageController {

	private final ProcessIncidents incidents;

	private final Clock clock;

	IncidentPageController(ProcessIncidents incidents, Clock clock) {
		this.incidents = incidents;
		this.clock = clock;
	}

	@GetMapping("/incidents")
	String list(Authentication viewer, Model model) {
		model.addAttribute("problems", incidents.all(Staff.of(viewer)));
		model.addAttribute("zone", clock.getZone());
		return "incidents";
	}

}
