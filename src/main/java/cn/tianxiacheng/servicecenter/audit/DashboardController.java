package cn.tianxiacheng.servicecenter.audit;

import java.time.Clock;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** 运营看板 as a page for the manager and the director (the auditor reads it too), and as JSON. */
@Controller
class DashboardController {

	private final Dashboard dashboard;

	private final Clock clock;

	DashboardController(Dashboard dashboard, Clock clock) {
		this.dashboard = dashboard;
		this.clock = clock;
	}

	@GetMapping("/dashboard")
	String page(Authentication viewer, Model model) {
		Auditors.require(viewer);
		Dashboard.Figures figures = dashboard.now();
		model.addAttribute("figures", figures);
		model.addAttribute("trendDays", figures.trend().stream().map(d -> d.day().toString().substring(5)).toList());
		model.addAttribute("trendOpened", figures.trend().stream().map(Dashboard.Day::opened).toList());
		model.addAttribute("trendClosed", figures.trend().stream().map(Dashboard.Day::closed).toList());
		model.addAttribute("groupLabels", figures.byGroup().stream().map(Dashboard.Count::label).toList());
		model.addAttribute("groupOpen", figures.byGroup().stream().map(Dashboard.Count::open).toList());
		model.addAttribute("groupOverdue", figures.byGroup().stream().map(Dashboard.Count::overdue).toList());
		model.addAttribute("certificateMonths",
				figures.certificateRequests().stream().map(m -> m.month().toString()).toList());
		model.addAttribute("certificateRequests",
				figures.certificateRequests().stream().map(Dashboard.Month::requests).toList());
		model.addAttribute("zone", clock.getZone());
		return "audit/dashboard";
	}

	@GetMapping("/api/dashboard")
	@ResponseBody
	Dashboard.Figures json(Authentication viewer) {
		Auditors.require(viewer);
		return dashboard.now();
	}

}
