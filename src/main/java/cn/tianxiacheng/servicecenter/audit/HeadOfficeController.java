package cn.tianxiacheng.servicecenter.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffAuthorities;
import cn.tianxiacheng.servicecenter.system.StaffGroup;

/**
 * 项目对比: the head office's view of its estates side by side (the region's for 区域经理, every estate
 * for 集团审计 and the administrator), each line a way into that estate's 运营看板.
 */
@Controller
class HeadOfficeController {

	private final Dashboard dashboard;

	private final Clock clock;

	HeadOfficeController(Dashboard dashboard, Clock clock) {
		this.dashboard = dashboard;
		this.clock = clock;
	}

	@GetMapping("/head-office")
	String page(Authentication viewer, Model model) {
		StaffAuthorities.requireAny(viewer, "只有区域经理、集团审计和系统管理员可以对比各项目", StaffGroup.REGION_MANAGER,
				StaffGroup.GROUP_AUDITOR, StaffGroup.ADMIN);
		List<Dashboard.EstateLine> lines = Staff.estatesOf(viewer).stream().map(dashboard::line).toList();
		model.addAttribute("lines", lines);
		model.addAttribute("total", lines.stream().reduce(Dashboard.EstateLine.none(), Dashboard.EstateLine::plus));
		model.addAttribute("asOf", clock.instant().atZone(clock.getZone()));
		return "audit/head-office";
	}

}
