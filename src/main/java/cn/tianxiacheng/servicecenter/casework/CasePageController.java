package cn.tianxiacheng.servicecenter.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.fee.Compensations;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.CsvExport;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.ProcessIncidents;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffAuthorities;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 案件: the list of all cases, the intake page, and the case page that Tasklist forms link to
 * (with the contact's phone for those allowed).
 */
@Controller
class CasePageController {

	private final CaseQueries queries;

	private final CaseIntake intake;

	private final CaseList list;

	private final ProcessIncidents incidents;

	private final Compensations compensations;

	private final Clock clock;

	CasePageController(CaseQueries queries, CaseIntake intake, CaseList list, ProcessIncidents incidents,
			Compensations compensations, Clock clock) {
		this.queries = queries;
		this.intake = intake;
		this.list = list;
		this.incidents = incidents;
		this.compensations = compensations;
		this.clock = clock;
	}

	/** 工单列表: every case, filtered; {@code format=csv} downloads the filtered cases for Excel. */
	@GetMapping("/cases")
	Object list(@RequestParam(required = false) CaseType type, @RequestParam(required = false) CaseStatus status,
			@RequestParam(required = false) Integer building, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String category, @RequestParam(required = false) Urgency urgency,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) String format, Model model) {
		CaseList.Filter filter = new CaseList.Filter(type, status, building, unit, blankToNull(category), urgency, from,
				to, overdue);
		if ("csv".equals(format)) {
			List<Map<String, ?>> rows = list.find(filter, 0, 10_000)
				.rows()
				.stream()
				.<Map<String, ?>>map(row -> Map.of("案件编号", row.caseNumber(), "类型", row.typeLabel(), "房号",
						row.unitNumber(), "类别", row.category(), "紧急程度", row.urgencyLabel(), "状态",
						row.statusLabel() + (row.overdue() ? "（已逾期）" : ""), "登记时间",
						row.registeredAt().toInstant().atZone(clock.getZone()).toLocalDateTime().toString(), "登记人",
						row.registeredBy()))
				.toList();
			return CsvExport.of("工单列表.csv",
					List.of("案件编号", "类型", "房号", "类别", "紧急程度", "状态", "登记时间", "登记人"), rows);
		}
		model.addAttribute("filter", filter);
		model.addAttribute("result", list.find(filter, Math.max(page, 0), CaseList.PAGE_SIZE));
		model.addAttribute("types", CaseType.values());
		model.addAttribute("statuses", CaseStatus.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("categories", CaseCategories.ALL);
		model.addAttribute("zone", clock.getZone());
		return "cases/list";
	}

	/** 受理登记 on the app's own page: reception registers a case and sees its number at once. */
	@GetMapping("/cases/new")
	String intakeForm(Model model) {
		model.addAttribute("requestId", UUID.randomUUID().toString());
		model.addAttribute("categories", CaseCategories.ALL);
		model.addAttribute("channels", Channel.values());
		model.addAttribute("urgencies", Urgency.values());
		return "cases/new";
	}

	@PostMapping("/cases")
	String register(@RequestParam String requestId, @RequestParam CaseType type, @RequestParam String unitNumber,
			@RequestParam String contactName, @RequestParam(required = false) String contactPhone,
			@RequestParam Channel channel, @RequestParam String category, @RequestParam Urgency urgency,
			@RequestParam String description, Authentication staff, Model model) {
		try {
			ServiceCase registered = intake.register(new CaseIntake.Registration(requestId, type, unitNumber,
					contactName, blankToNull(contactPhone), channel, category, urgency, description), Staff.of(staff));
			return "redirect:/cases/" + registered.getCaseNumber() + "?registered";
		}
		catch (BadInputException | BusinessRuleException ex) {
			model.addAttribute("error", ex.getMessage());
			return intakeForm(model);
		}
	}

	/** A case registered in Tasklist gets its contact's name here, never in the engine. */
	@PostMapping("/cases/{caseNumber}/contact-name")
	String setContactName(@PathVariable String caseNumber, @RequestParam String name, Authentication staff,
			Model model) {
		StaffAuthorities.requireAny(staff, "联系人由接待员登记", StaffGroup.RECEPTION);
		String contact = name.strip();
		if (contact.isEmpty() || contact.length() > 50 || contact.chars().anyMatch(Character::isISOControl)) {
			model.addAttribute("error", "联系人姓名须为 1 至 50 个字");
		}
		else {
			queries.setContactName(caseNumber, contact);
		}
		return show(caseNumber, staff, model);
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
	String show(@PathVariable String caseNumber, @RequestParam(required = false) String registered,
			Authentication viewer, Model model) {
		model.addAttribute("registered", registered != null);
		return show(caseNumber, viewer, model);
	}

	private String show(String caseNumber, Authentication viewer, Model model) {
		CaseView view = queries.byNumber(caseNumber, viewer);
		model.addAttribute("c", view);
		model.addAttribute("problems", incidents.of(view.processInstanceId()));
		model.addAttribute("compensations", compensations.ofCase(caseNumber));
		model.addAttribute("zone", clock.getZone());
		return "cases/details";
	}

	/** 派工单: the repair's order as the engineer takes it on the round, printed, with room to fill in by hand. */
	@GetMapping("/cases/{caseNumber}/work-order")
	String workOrder(@PathVariable String caseNumber, Authentication viewer, Model model) {
		CaseView view = queries.forWorkOrder(caseNumber, viewer);
		if (view.type() != CaseType.SERVICE_REQUEST) {
			throw new NotFoundException("只有报修和服务预约有派工单：" + caseNumber);
		}
		model.addAttribute("c", view);
		model.addAttribute("handler", queries.handlerName(view));
		model.addAttribute("printedAt", LocalDateTime.now(clock));
		model.addAttribute("zone", clock.getZone());
		return "cases/work-order";
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
