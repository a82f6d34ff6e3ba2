package cn.tianxiacheng.servicecenter.archive;

import java.time.Clock;

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
	String ofUnit(@RequestParam long unitId, Authentication viewer) {
		return "redirect:/archives/" + archives.ofUnit(unitId, Staff.of(viewer).estateId());
	}

	@GetMapping("/archives/{id}")
	String show(@PathVariable long id, Authentication viewer, Model model) {
		model.addAttribute("archive", archives.read(id, viewer));
		model.addAttribute("myRequests", requests.of(id, Staff.of(viewer)));
		model.addAttribute("mayRequestAccess", Staff.of(viewer).isIn(ArchiveAccesses.REQUESTERS));
		model.addAttribute("zone", clock.getZone());
		return "archives/details";
	}

	@PostMapping("/archives/{id}/access-requests")
	@RefusedInputShownOn("/archives/{id}")
	String requestAccess(@PathVariable long id, @Valid @ModelAttribute ArchiveAccessForm form, Authentication staff,
			Model model) {
		accesses.request(id, form.reason().strip(), form.kind(), form.dueOn(), Staff.of(staff));
		model.addAttribute("notice", "申请已提交，经理批准后即可查看完整档案。");
		return show(id, staff, model);
	}

}
