package cn.tianxiacheng.servicecenter.audit;

import java.time.Clock;

import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import cn.tianxiacheng.servicecenter.system.TenantScope;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 运营看板 as a page for the manager and the director (the auditor reads it too), and as JSON. */
@Controller
class DashboardController {

	private final Dashboard dashboard;

	private final DashboardTasks tasks;

	private final StaffNames staffNames;

	private final Clock clock;

	DashboardController(Dashboard dashboard, DashboardTasks tasks, StaffNames staffNames, Clock clock) {
		this.dashboard = dashboard;
		this.tasks = tasks;
		this.staffNames = staffNames;
		this.clock = clock;
	}

	@GetMapping("/dashboard")
	String page(Authentication viewer, Model model) {
		Auditors.require(viewer);
		Dashboard.Figures figures = dashboard.now(Staff.of(viewer).workingEstate());
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

	/** The tasks behind a task count of the dashboard: as many rows as the count. */
	@GetMapping("/dashboard/tasks")
	String tasks(@RequestParam(required = false) DashboardTasks.Which which,
			@RequestParam(required = false) String assignee, @RequestParam(required = false) String group,
			Authentication viewer, Model model) {
		Auditors.require(viewer);
		String title = which != null ? which.label()
				: assignee != null ? staffNames.of(assignee) + "手中的任务"
						: group != null ? StaffGroup.labelOf(group) + "待领取的任务" : "全部未完成的任务";
		model.addAttribute("title", title);
		model.addAttribute("rows", tasks.list(TenantScope.of(Staff.of(viewer)), which, assignee, group));
		model.addAttribute("zone", clock.getZone());
		return "audit/dashboard-tasks";
	}

	@GetMapping("/api/dashboard")
	@ResponseBody
	Dashboard.Figures json(Authentication viewer) {
		Auditors.require(viewer);
		return dashboard.now(Staff.of(viewer).workingEstate());
	}

}
