package cn.tianxiacheng.servicecenter.assistance;

import java.util.List;

import cn.tianxiacheng.servicecenter.assistance.AssistanceRequests.MonthCount;
import cn.tianxiacheng.servicecenter.assistance.AssistanceRequests.Registered;
import cn.tianxiacheng.servicecenter.assistance.AssistanceRequests.Registration;
import cn.tianxiacheng.servicecenter.estate.PersonalDataPolicy;
import cn.tianxiacheng.servicecenter.system.Staff;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 协助办理 for scripts: register a request, read one, the counts per month. */
@RestController
class AssistanceApiController {

	private final AssistanceRequests requests;

	private final PersonalDataPolicy personalData;

	AssistanceApiController(AssistanceRequests requests, PersonalDataPolicy personalData) {
		this.requests = requests;
		this.personalData = personalData;
	}

	record RequestBodyJson(@Size(max = 64, message = "requestId 最多 64 个字符") String requestId,
			@NotBlank(message = "缺少 unitNumber（房号）") @Size(max = 20, message = "房号最多 20 个字符") String unitNumber,
			@NotBlank(message = "缺少 ownerName（业主姓名）") @Size(max = 50, message = "业主姓名最多 50 个字") String ownerName,
			@NotNull(message = "缺少 kind") @Pattern(regexp = "RESIDENCE|FEES_PAID|HANDOVER|DEVELOPER_DOCUMENTS",
					message = "kind 只能是 RESIDENCE（实际居住证明）、FEES_PAID（缴费证明）、HANDOVER（交付证明）或 DEVELOPER_DOCUMENTS（协助索取开发商资料）") String kind,
			@NotNull(message = "缺少 purpose") @Pattern(regexp = "HOUSEHOLD_REGISTRATION|SCHOOL_ENROLMENT|OTHER",
					message = "purpose 只能是 HOUSEHOLD_REGISTRATION（户口迁移）、SCHOOL_ENROLMENT（子女入学）或 OTHER") String purpose,
			@NotBlank(message = "缺少 addressee（学校或派出所）") @Size(max = 100, message = "交往单位最多 100 个字") String addressee,
			@Size(max = 500, message = "资料说明最多 500 个字") String details) {
	}

	@PostMapping("/api/assistance-requests")
	@ResponseStatus(HttpStatus.CREATED)
	Registered register(@Valid @RequestBody RequestBodyJson body, Authentication staff) {
		return requests.register(new Registration(body.requestId(), body.unitNumber(), body.ownerName(),
				AssistanceKind.valueOf(body.kind()), AssistancePurpose.valueOf(body.purpose()), body.addressee(),
				body.details()), Staff.of(staff));
	}

	@GetMapping("/api/assistance-requests/{number}")
	AssistanceRequests.Request request(@PathVariable String number, Authentication authentication) {
		Staff staff = Staff.of(authentication);
		staff.require("您的岗位不能查看协助办理", AssistancePageController.READERS);
		AssistanceRequests.Request request = requests.byNumber(staff.estateId(), number);
		return request.withRequester(
				personalData.forRecord(staff, "ASSISTANCE", number, "查看协助办理申请").name(request.requesterName()));
	}

	@GetMapping("/api/assistance-requests/per-month")
	List<MonthCount> perMonth(Authentication staff) {
		Staff viewer = Staff.of(staff);
		viewer.require("您的岗位不能查看协助办理", AssistancePageController.READERS);
		return requests.perMonth(viewer.estateId());
	}

}
