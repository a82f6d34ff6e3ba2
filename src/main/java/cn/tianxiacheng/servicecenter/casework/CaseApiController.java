package cn.tianxiacheng.servicecenter.casework;

import java.time.Duration;
import java.util.List;

import cn.tianxiacheng.servicecenter.casework.CaseIntake.Registration;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Staff;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Intake of cases around the clock: the resident app, the phone system and reception register
 * a case; a retry with the same {@code requestId} returns the same case.
 */
@RestController
class CaseApiController {

	private final CaseIntake intake;

	private final CaseQueries queries;

	CaseApiController(CaseIntake intake, CaseQueries queries) {
		this.intake = intake;
		this.queries = queries;
	}

	record CaseRequest(
			@NotBlank(message = "缺少 requestId（请求编号，重试时保持不变）") @Size(max = 64, message = "requestId 最多 64 个字符") String requestId,
			@NotNull(message = "缺少 type") @Pattern(regexp = "COMPLAINT|SERVICE_REQUEST",
					message = "type 只能是 COMPLAINT（投诉）或 SERVICE_REQUEST（报修/服务预约）") String type,
			@NotBlank(message = "缺少 unitNumber（房号，如 3-2-1501）") String unitNumber,
			@NotBlank(message = "缺少 contactName（联系人）") @Size(max = 50, message = "联系人最多 50 个字") String contactName,
			@Pattern(regexp = "[0-9+\\- ]{5,20}", message = "联系电话格式不正确") String contactPhone,
			@NotNull(message = "缺少 channel") @Pattern(regexp = "PHONE|VISIT|APP|WECHAT",
					message = "channel 只能是 PHONE（电话）、VISIT（来访）、APP 或 WECHAT（微信）") String channel,
			@NotBlank(message = "缺少 category（类别）") String category,
			@NotNull(message = "缺少 urgency") @Pattern(regexp = "URGENT|NORMAL",
					message = "urgency 只能是 URGENT（紧急）或 NORMAL（一般）") String urgency,
			@NotBlank(message = "问题描述不能为空") @Size(max = 2000, message = "问题描述最多 2000 个字") String description) {

		Registration registration() {
			return new Registration(requestId, CaseType.valueOf(type), unitNumber, contactName, contactPhone,
					Channel.valueOf(channel), category, Urgency.valueOf(urgency), description);
		}

	}

	record CaseRegistered(String caseNumber, String processInstanceId, CaseType type, CaseStatus status) {

		static CaseRegistered of(ServiceCase serviceCase) {
			return new CaseRegistered(serviceCase.getCaseNumber(), serviceCase.getProcessInstanceId(),
					serviceCase.getType(), serviceCase.getStatus());
		}

	}

	@GetMapping("/api/cases/categories")
	List<String> categories() {
		return CaseCategories.ALL;
	}

	@PostMapping("/api/cases")
	CaseRegistered register(@Valid @RequestBody CaseRequest request, Authentication staff) {
		return CaseRegistered.of(intake.register(request.registration(), Staff.of(staff)));
	}

	/**
	 * The case the caller registered last, within the last two minutes: Tasklist's start form
	 * answers only "流程已发起", and its script (tasklist/scripts/case-started.js) adds the number.
	 */
	@GetMapping("/api/cases/my-latest")
	CaseRegistered myLatest(Authentication staff) {
		return queries.latestRegisteredBy(Staff.of(staff), Duration.ofMinutes(2))
			.map(CaseRegistered::of)
			.orElseThrow(() -> new NotFoundException("最近两分钟内没有您登记的案件"));
	}

	@GetMapping("/api/cases/{caseNumber}")
	CaseView show(@PathVariable String caseNumber, Authentication viewer) {
		return queries.byNumber(caseNumber, viewer);
	}

}
