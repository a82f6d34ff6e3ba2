package cn.tianxiacheng.servicecenter.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.notice.Notices.Notice;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.SaneDates;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

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
		model.addAttribute("notices", notices.latest(200));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("mayPublish", staff.isIn(StaffGroup.RECEPTION, StaffGroup.MANAGER));
		model.addAttribute("buildings", notices.buildingNumbers());
		model.addAttribute("requestId", UUID.randomUUID().toString());
		model.addAttribute("zone", clock.getZone());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Map.of("validFrom", LocalDate.now(clock).toString(), "validTo",
					LocalDate.now(clock).plusDays(7).toString(), "buildings", List.of()));
		}
		return "notices/list";
	}

	@PostMapping("/notices")
	String publish(@RequestParam(required = false) String requestId, @RequestParam(required = false) String title,
			@RequestParam(required = false) String body, @RequestParam(required = false) List<String> buildings,
			@RequestParam(required = false) String validFrom, @RequestParam(required = false) String validTo,
			Authentication authentication, Model model, HttpServletResponse response) {
		Staff staff = Staff.of(authentication);
		staff.require("只有接待员或经理可以发布服务信息", StaffGroup.RECEPTION, StaffGroup.MANAGER);
		try {
			if (title == null || title.isBlank() || body == null || body.isBlank()) {
				throw new BadInputException("请填写标题和正文");
			}
			if (title.strip().length() > 100 || body.strip().length() > 4000) {
				throw new BadInputException("标题最多 100 个字，正文最多 4000 个字");
			}
			List<Integer> targets = new ArrayList<>();
			for (String building : buildings == null ? List.<String>of() : buildings) {
				if (!building.matches("\\d{1,3}")) {
					throw new BadInputException("楼栋应为楼号，如 2");
				}
				targets.add(Integer.valueOf(building));
			}
			long id = notices.publish(requestId == null || requestId.isBlank() ? null : requestId, title.strip(),
					body.strip(), targets, date(validFrom, "开始日期"), date(validTo, "结束日期"), staff.id());
			return "redirect:/notices/" + id + "?published";
		}
		catch (BadInputException | BusinessRuleException ex) {
			response.setStatus(ex instanceof BadInputException ? 400 : 422);
			model.addAttribute("error", ex.getMessage());
			Map<String, Object> form = new LinkedHashMap<>();
			form.put("title", title);
			form.put("body", body);
			form.put("validFrom", validFrom);
			form.put("validTo", validTo);
			form.put("buildings", buildings == null ? List.of() : buildings);
			model.addAttribute("form", form);
			return list(authentication, model);
		}
	}

	/** One notice as it is put up on the notice boards. */
	@GetMapping("/notices/{id}")
	String print(@PathVariable long id, Authentication authentication, Model model) {
		Staff.of(authentication).require(REFUSAL, READERS);
		Notice notice = notices.find(id).orElseThrow(() -> new NotFoundException("服务信息不存在：编号 " + id));
		model.addAttribute("notice", notice);
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("zone", clock.getZone());
		return "notices/print";
	}

	private static LocalDate date(String text, String label) {
		LocalDate date;
		try {
			date = LocalDate.parse(text == null ? "" : text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadInputException("请按 年-月-日 填写" + label + "，如 2026-12-01");
		}
		SaneDates.check(label, date);
		return date;
	}

}
