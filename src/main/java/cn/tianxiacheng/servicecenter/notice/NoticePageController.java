package cn.tianxiacheng.servicecenter.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.notice.Notices.Notice;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.RefusedInputShownOn;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * 服务信息 pages: the notices, current, coming and past; the form to write one for some buildings
 * or the whole estate and its period; the print view for the notice boards.
 */
@Controller
class NoticePageController {

	static final StaffGroup[] READERS = { StaffGroup.RECEPTION, StaffGroup.MANAGER, StaffGroup.DIRECTOR,
			StaffGroup.AUDITOR };

	private static final String REFUSAL = "您的岗位不能查看服务信息";

	private final Notices notices;

	private final Clock clock;

	NoticePageController(Notices notices, Clock clock) {
		this.notices = notices;
		this.clock = clock;
	}

	@GetMapping("/notices")
	String list(Authentication authentication, Model model) {
		Staff staff = Staff.of(authentication);
		staff.require(REFUSAL, READERS);
		model.addAttribute("notices", notices.latest(staff.estateId(), 200));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("mayPublish", staff.isIn(StaffGroup.RECEPTION, StaffGroup.MANAGER));
		model.addAttribute("buildings", notices.buildingNumbers(staff.estateId()));
		model.addAttribute("requestId", UUID.randomUUID().toString());
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("form", NoticeForm.startingOn(LocalDate.now(clock)));
		return "notices/list";
	}

	@PostMapping("/notices")
	@RefusedInputShownOn("/notices")
	String publish(@Valid @ModelAttribute NoticeForm form, Authentication authentication) {
		Staff staff = Staff.of(authentication);
		staff.require("只有接待员或经理可以发布服务信息", StaffGroup.RECEPTION, StaffGroup.MANAGER);
		String requestId = StringUtils.hasText(form.requestId()) ? form.requestId() : null;
		long id = notices.publish(requestId, form.title().strip(), form.body().strip(), form.buildingList(),
				form.validFrom(), form.validTo(), staff);
		return "redirect:/notices/" + id + "?published";
	}

	/** One notice as it is put up on the notice boards. */
	@GetMapping("/notices/{id}")
	String print(@PathVariable long id, Authentication authentication, Model model) {
		Staff staff = Staff.of(authentication);
		staff.require(REFUSAL, READERS);
		Notice notice = notices.find(staff.estateId(), id).orElseThrow(() -> new NotFoundException("服务信息不存在：编号 " + id));
		model.addAttribute("notice", notice);
		model.addAttribute("estateName", staff.estate().name());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("zone", clock.getZone());
		return "notices/print";
	}

}
