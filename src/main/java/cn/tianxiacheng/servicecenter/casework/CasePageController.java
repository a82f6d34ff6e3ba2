package cn.tianxiacheng.servicecenter.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.fee.Compensations;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.CsvExport;
import cn.tianxiacheng.servicecenter.system.CurrentSteps;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.ProcessIncidents;
import cn.tianxiacheng.servicecenter.system.RefusedInputShownOn;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffAuthorities;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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

	private final CurrentSteps currentSteps;

	private final StaffNames staffNames;

	private final RepairCharges repairCharges;

	private final ChargeItems chargeItems;

	private final RepairArrivals arrivals;

	private final Clock clock;

	CasePageController(CaseQueries queries, CaseIntake intake, CaseList list, ProcessIncidents incidents,
			CurrentSteps currentSteps, StaffNames staffNames,
			Compensations compensations, RepairCharges repairCharges, ChargeItems chargeItems, RepairArrivals arrivals,
			Clock clock) {
		this.queries = queries;
		this.repairCharges = repairCharges;
		this.chargeItems = chargeItems;
		this.currentSteps = currentSteps;
		this.staffNames = staffNames;
		this.intake = intake;
		this.list = list;
		this.incidents = incidents;
		this.compensations = compensations;
		this.arrivals = arrivals;
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
			@RequestParam(required = false) String format, Authentication viewer, Model model) {
		long estateId = Staff.of(viewer).estateId();
		CaseList.Filter filter = new CaseList.Filter(type, status, building, unit, blankToNull(category), urgency, from,
				to, overdue);
		if ("csv".equals(format)) {
			List<CaseList.Row> rows = list.find(estateId, filter, 0, 10_000).rows();
			Map<String, List<CurrentSteps.Step>> steps = currentSteps.ofAll(caseNumbers(rows));
			DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
			return CsvExport.of("工单列表.csv",
					List.of("案件编号", "类型", "房号", "类别", "紧急程度", "状态", "当前环节", "办理", "期限", "登记时间", "登记人"),
					rows.stream().<Map<String, ?>>map(row -> {
						List<CurrentSteps.Step> open = steps.getOrDefault(row.caseNumber(), List.of());
						Map<String, Object> line = new LinkedHashMap<>();
						line.put("案件编号", row.caseNumber());
						line.put("类型", row.typeLabel());
						line.put("房号", row.unitNumber());
						line.put("类别", row.category());
						line.put("紧急程度", row.urgencyLabel());
						line.put("状态", row.statusLabel() + (row.overdue() ? "（已逾期）" : ""));
						line.put("当前环节", open.stream().map(CurrentSteps.Step::name).collect(Collectors.joining("、")));
						line.put("办理", open.stream().map(CurrentSteps.Step::holder).collect(Collectors.joining("、")));
						line.put("期限", open.stream()
							.filter(step -> step.due() != null)
							.map(step -> minutes.format(step.due()))
							.collect(Collectors.joining("、")));
						line.put("登记时间", minutes.format(row.registeredAt().toInstant()));
						line.put("登记人", staffNames.of(row.registeredBy()));
						return line;
					}).toList());
		}
		model.addAttribute("filter", filter);
		CaseList.Page result = list.find(estateId, filter, Math.max(page, 0), CaseList.PAGE_SIZE);
		model.addAttribute("result", result);
		model.addAttribute("steps", currentSteps.ofAll(caseNumbers(result.rows())));
		model.addAttribute("types", CaseType.values());
		model.addAttribute("statuses", CaseStatus.values());
		model.addAttribute("urgencies", Urgency.values());
		model.addAttribute("categories", CaseCategories.ALL);
		model.addAttribute("zone", clock.getZone());
		return "cases/list";
	}

	/** What reception types on 受理登记, kept as typed when the registration is refused. */
	record IntakeForm(String requestId, CaseType type, String unitNumber, String contactName, String contactPhone,
			Channel channel, String category, Urgency urgency, String description) {

		static IntakeForm blank() {
			return new IntakeForm(UUID.randomUUID().toString(), CaseType.SERVICE_REQUEST, "", "", "", Channel.PHONE, "",
					Urgency.NORMAL, "");
		}

		CaseIntake.Registration registration() {
			return new CaseIntake.Registration(requestId, type, unitNumber, contactName, contactPhone, channel, category,
					urgency, description);
		}

	}

	/**
	 * 受理登记 on the app's own page: reception registers a case and sees its number at once. A
	 * refused registration comes back here as it was typed, an unreadable value included (hence the
	 * binding result, which keeps it from failing the page).
	 */
	@GetMapping("/cases/new")
	String intakeForm(@ModelAttribute("form") IntakeForm typed, BindingResult asTyped, Model model) {
		if (typed.requestId() == null) {
			model.addAttribute("form", IntakeForm.blank());
		}
		model.addAttribute("categories", CaseCategories.ALL);
		model.addAttribute("channels", Channel.values());
		model.addAttribute("urgencies", Urgency.values());
		return "cases/new";
	}

	@PostMapping("/cases")
	@RefusedInputShownOn("/cases/new")
	String register(@ModelAttribute("form") IntakeForm form, Authentication staff) {
		ServiceCase registered = intake.register(form.registration(), Staff.of(staff));
		return "redirect:/cases/" + registered.getCaseNumber() + "?registered";
	}

	/** A case registered in Tasklist gets its contact's name here, never in the engine. */
	@PostMapping("/cases/{caseNumber}/contact-name")
	@RefusedInputShownOn("/cases/{caseNumber}")
	String setContactName(@PathVariable String caseNumber, @RequestParam String name, Authentication staff,
			Model model) {
		StaffAuthorities.requireAny(staff, "联系人由接待员登记", StaffGroup.RECEPTION);
		String contact = name.strip();
		if (contact.isEmpty() || contact.length() > 50 || contact.chars().anyMatch(Character::isISOControl)) {
			throw new BadInputException("联系人姓名须为 1 至 50 个字");
		}
		queries.setContactName(caseNumber, contact, Staff.of(staff));
		return show(caseNumber, staff, model);
	}

	/** A case registered in Tasklist gets its contact phone here, never in the engine. */
	@PostMapping("/cases/{caseNumber}/contact-phone")
	@RefusedInputShownOn("/cases/{caseNumber}")
	String setContactPhone(@PathVariable String caseNumber, @RequestParam String phone, Authentication staff,
			Model model) {
		StaffAuthorities.requireAny(staff, "联系电话由接待员登记", StaffGroup.RECEPTION);
		if (phone.isBlank()) {
			throw new BadInputException("请填写联系电话");
		}
		queries.setContactPhone(caseNumber, CaseIntake.contactPhone(phone), Staff.of(staff));
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
		if (view.type() == CaseType.SERVICE_REQUEST) {
			model.addAttribute("charges", repairCharges.of(caseNumber, view.unitId()));
			if (Staff.of(viewer).isIn(StaffGroup.CASHIER, StaffGroup.MANAGER)) {
				model.addAttribute("chargeItems", chargeItems.offered(view.unitId()));
				model.addAttribute("correctionRequestId", UUID.randomUUID().toString());
			}
		}
		List<CurrentSteps.Step> steps = currentSteps(caseNumber);
		model.addAttribute("currentSteps", steps);
		Staff staff = Staff.of(viewer);
		Map<String, List<CurrentSteps.Colleague>> colleagues = steps.stream()
			.filter(step -> currentSteps.mayHandOn(step, staff))
			.collect(Collectors.toMap(CurrentSteps.Step::taskId, step -> currentSteps.colleagues(step.taskId())));
		if (!colleagues.isEmpty()) {
			model.addAttribute("colleagues", colleagues);
		}
		ServiceCase serviceCase = queries.inEstateOf(caseNumber, staff);
		model.addAttribute("arrivals", arrivals.of(serviceCase.getId()));
		model.addAttribute("mayCheckIn", arrivals.awaitingArrival(serviceCase)
			.filter(visit -> staff.id().equals(visit.getAssignee()))
			.isPresent());
		model.addAttribute("zone", clock.getZone());
		return "cases/details";
	}

	/** The case's open tasks and, once it closed, its return visit's. */
	private List<CurrentSteps.Step> currentSteps(String caseNumber) {
		Map<String, List<CurrentSteps.Step>> steps = currentSteps
			.ofAll(List.of(caseNumber, ReturnVisitProcess.businessKey(caseNumber)));
		return steps.values().stream().flatMap(List::stream).toList();
	}

	/**
	 * The manager, the lead of the task's group or its holder hands a task of the case to a named
	 * colleague of its group, or back to the queue.
	 */
	@PostMapping("/cases/{caseNumber}/tasks/{taskId}/hand-on")
	@RefusedInputShownOn("/cases/{caseNumber}")
	String handOn(@PathVariable String caseNumber, @PathVariable String taskId,
			@RequestParam(defaultValue = "") String to, Authentication manager) {
		queries.byNumber(caseNumber, manager);
		if (currentSteps(caseNumber).stream().noneMatch(step -> step.taskId().equals(taskId))) {
			throw new NotFoundException("此案件没有这项待办：" + taskId);
		}
		currentSteps.handOn(taskId, to);
		return "redirect:/cases/" + caseNumber;
	}

	/**
	 * 更正收费: the cashier or the manager reverses a wrong charge of the repair, with a reason, and
	 * charges the right item instead (or nothing); a retry with the same request id changes nothing more.
	 */
	@PostMapping("/cases/{caseNumber}/charges/{billId}/correction")
	@RefusedInputShownOn("/cases/{caseNumber}")
	String correctCharge(@PathVariable String caseNumber, @PathVariable long billId,
			@ModelAttribute RepairCharges.CorrectionRequest request, Authentication staff) {
		queries.byNumber(caseNumber, staff);
		repairCharges.correct(caseNumber, billId, request, Staff.of(staff));
		return "redirect:/cases/" + caseNumber + "#charges";
	}

	/** 到场签到: the engineer on the visit records arrival; a second click shows the first. */
	@PostMapping("/cases/{caseNumber}/arrival")
	String checkIn(@PathVariable String caseNumber, Authentication engineer) {
		queries.byNumber(caseNumber, engineer);
		arrivals.record(queries.inEstateOf(caseNumber, Staff.of(engineer)), Staff.of(engineer));
		return "redirect:/cases/" + caseNumber;
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
		model.addAttribute("charges", repairCharges.of(caseNumber, view.unitId()));
		model.addAttribute("printedAt", LocalDateTime.now(clock));
		model.addAttribute("zone", clock.getZone());
		return "cases/work-order";
	}

	private static List<String> caseNumbers(List<CaseList.Row> rows) {
		return rows.stream().map(CaseList.Row::caseNumber).toList();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
