package cn.tianxiacheng.servicecenter.assistance;

import cn.tianxiacheng.servicecenter.assistance.AssistanceRequests.Registration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.util.StringUtils;

/** The counter's 协助办理 form; whether the owner may have it is {@link AssistanceRequests#register}'s rule. */
record AssistanceForm(@NotNull(message = "请求编号缺失，请刷新页面后重新填写") String requestId,
		@NotBlank(message = REQUIRED) String unitNumber,
		@NotBlank(message = REQUIRED) @Size(max = 50, message = LENGTHS) String ownerName,
		@NotNull(message = CHOSEN) AssistanceKind kind, @NotNull(message = CHOSEN) AssistancePurpose purpose,
		@NotBlank(message = REQUIRED) @Size(max = 100, message = LENGTHS) String addressee,
		@Size(max = 500, message = LENGTHS) String details) {

	static final String CHOSEN = "请选择办理事项和用途";

	static final String REQUIRED = "请填写房号、业主姓名和交往单位（学校或派出所）";

	static final String LENGTHS = "业主姓名最多 50 个字，交往单位最多 100 个字，资料说明最多 500 个字";

	Registration toRegistration() {
		return new Registration(requestId, unitNumber, ownerName, kind, purpose, addressee,
				StringUtils.hasText(details) ? details : null);
	}

}
