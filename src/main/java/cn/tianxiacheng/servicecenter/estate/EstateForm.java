package cn.tianxiacheng.servicecenter.estate;

import java.util.Locale;

import cn.tianxiacheng.servicecenter.estate.EstateImports.NewEstate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.util.StringUtils;

/** 添加小区: the estate's head; its buildings and units come in the CSV file beside it. */
record EstateForm(String requestId,
		@NotBlank(message = "请填写小区名称") @Size(max = 100, message = "小区名称最多 100 个字") String name,
		@NotBlank(message = "请填写小区代码") @Pattern(regexp = "\\s*[A-Za-z0-9]{2,6}\\s*",
				message = "小区代码须为 2–6 位大写字母或数字，如 TXC") String code,
		@NotBlank(message = "请填写小区地址") @Size(max = 200, message = "小区地址最多 200 个字") String address) {

	NewEstate toNewEstate() {
		return new NewEstate(StringUtils.hasText(requestId) ? requestId.strip() : null, name, code.toUpperCase(Locale.ROOT),
				address);
	}

}
