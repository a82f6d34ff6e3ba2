package cn.tianxiacheng.servicecenter.decoration;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.decoration.DecorationApplications.Application;
import cn.tianxiacheng.servicecenter.decoration.DecorationApplications.Applied;
import cn.tianxiacheng.servicecenter.decoration.DecorationApplications.Worker;
import cn.tianxiacheng.servicecenter.decoration.DecorationViews.DecorationView;
import cn.tianxiacheng.servicecenter.decoration.DecorationViews.UnderWay;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.Staff;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 装修: the application (a retry with the same {@code requestId} answers the first), a
 * decoration as the caller may see it, the decorations under way, and what staff record during
 * the works: violations, patrols, the owner's extension and completion applications, objections.
 */
@RestController
class DecorationApiController {

	private final DecorationApplications applications;

	private final DecorationExtensions extensions;

	private final DecorationInspections inspections;

	private final DecorationPatrols patrols;

	private final DecorationViolations violations;

	private final DecorationViews views;

	DecorationApiController(DecorationApplications applications, DecorationExtensions extensions,
			DecorationInspections inspections, DecorationPatrols patrols, DecorationViolations violations,
			DecorationViews views) {
		this.applications = applications;
		this.extensions = extensions;
		this.inspections = inspections;
		this.patrols = patrols;
		this.violations = violations;
		this.views = views;
	}

	record ContractorRequest(String company, String licenceNumber, String responsiblePerson, String phone) {
	}

	record WorkerRequest(String name, String idNumber, String trade) {
	}

	record ApplicationRequest(
			@NotBlank(message = "缺少 requestId（请求编号，重试时保持不变）") @Size(max = 64, message = "requestId 最多 64 个字符") String requestId,
			String unitNumber, String applicantRole, String applicantName, String applicantPhone,
			ContractorRequest contractor, List<WorkerRequest> workers, LocalDate plannedStart, LocalDate plannedEnd,
			String works, List<String> scope) {

		Application application() {
			if (contractor == null) {
				throw new BadInputException("请填写装修企业（contractor：company、licenceNumber、responsiblePerson、phone）");
			}
			return new Application(requestId, unitNumber, applicantRole, applicantName, applicantPhone, contractor.company(),
					contractor.licenceNumber(), contractor.responsiblePerson(), contractor.phone(),
					workers == null ? List.of()
							: workers.stream()
								.map(w -> w == null ? null : new Worker(w.name(), w.idNumber(), w.trade()))
								.toList(),
					plannedStart, plannedEnd, works, scope);
		}

	}

	record ViolationRequest(String source, String complaintCaseNumber, String description, boolean serious,
			LocalDate rectifyBy) {
	}

	record PatrolRequest(List<String> failedItems, String notes) {
	}

	record ExtensionRequest(LocalDate newEnd, String reason) {
	}

	record ObjectionRequest(String description) {
	}

	@PostMapping("/api/decorations")
	Applied apply(@Valid @RequestBody ApplicationRequest request, Authentication staff) {
		Application application = request.application();
		return applications.apply(application, Staff.of(staff));
	}

	@GetMapping("/api/decorations")
	List<UnderWay> underWay(@RequestParam(required = false) Integer building, Authentication viewer) {
		return views.underWay(Staff.of(viewer).estateId(), building);
	}

	@GetMapping("/api/decorations/{number}")
	DecorationView decoration(@PathVariable String number, Authentication viewer) {
		return views.view(number, Staff.of(viewer));
	}

	@PostMapping("/api/decorations/{number}/violations")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Long> reportViolation(@PathVariable String number, @RequestBody ViolationRequest request,
			Authentication staff) {
		return Map.of("violationId", violations.reportViolation(number, request.source(), request.complaintCaseNumber(),
				request.description(), request.serious(), request.rectifyBy(), Staff.of(staff)));
	}

	@PostMapping("/api/decorations/{number}/patrols")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void recordPatrol(@PathVariable String number, @RequestBody PatrolRequest request, Authentication staff) {
		patrols.recordPatrol(number, checklist(request.failedItems()), request.notes(), Staff.of(staff));
	}

	@PostMapping("/api/decorations/{number}/extension-requests")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void requestExtension(@PathVariable String number, @RequestBody ExtensionRequest request, Authentication staff) {
		extensions.requestExtension(number, request.newEnd(), request.reason(), Staff.of(staff));
	}

	@PostMapping("/api/decorations/{number}/completion-application")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void applyForCompletion(@PathVariable String number, Authentication staff) {
		inspections.applyForCompletion(number, Staff.of(staff));
	}

	@PostMapping("/api/decorations/{number}/objections")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void raiseObjection(@PathVariable String number, @RequestBody ObjectionRequest request, Authentication staff) {
		inspections.raiseObjection(number, request.description(), Staff.of(staff));
	}

	static Set<ChecklistItem> checklist(List<String> names) {
		Set<ChecklistItem> items = EnumSet.noneOf(ChecklistItem.class);
		for (String name : names == null ? List.<String>of() : names) {
			items.add(Arrays.stream(ChecklistItem.values())
				.filter(item -> item.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new BadInputException("巡查项目“" + name + "”不存在，可选："
						+ Arrays.stream(ChecklistItem.values())
							.map(item -> item.name() + "（" + item.label() + "）")
							.collect(Collectors.joining("、")))));
		}
		return items;
	}

}
