package cn.tianxiacheng.servicecenter.archive;

import java.time.Clock;
import java.time.LocalDate;

import cn.tianxiacheng.servicecenter.archive.ArchiveAccesses.Kind;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.Staff;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 业主档案 pages: the archive as the viewer may see it, and the request for an access. */
@Controller
class ArchivePageController {

	private final OwnerArchives archives;

	private final ArchiveAccesses accesses;

	private final ArchiveAccessNotes requests;

	private final Clock clock;

	ArchivePageController(OwnerArchives archives, ArchiveAccesses accesses, ArchiveAccessNotes requests, Clock clock) {
		this.archives = archives;
		this.requests = requests;
		this.accesses = accesses;
		this.clock = clock;
	}

	@GetMapping("/archives")
	String ofUnit(@RequestParam long unitId) {
		return "redirect:/archives/" + archives.ofUnit(unitId);
	}

	@GetMapping("/archives/{id}")
	String show(@PathVariable long id, Authentication viewer, Model model) {
		model.addAttribute("archive", archives.read(id, viewer));
		model.addAttribute("myRequests", requests.of(id, Staff.of(viewer)));
		model.addAttribute("zone", clock.getZone());
		return "archives/details";
	}

	@PostMapping("/archives/{id}/access-requests")
	String requestAccess(@PathVariable long id, @RequestParam String reason, @RequestParam Kind kind,
			@RequestParam(required = false) LocalDate dueOn, Authentication staff, Model model) {
		try {
			if (!StringUtils.hasText(reason)) {
				throw new BusinessRuleException("请填写查阅原因");
			}
			accesses.request(id, reason.strip(), kind, dueOn, Staff.of(staff));
			model.addAttribute("notice", "申请已提交，经理批准后即可查看完整档案。");
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return show(id, staff, model);
	}

}
