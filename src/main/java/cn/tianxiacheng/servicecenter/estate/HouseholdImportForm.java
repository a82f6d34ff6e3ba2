package cn.tianxiacheng.servicecenter.estate;

import java.util.Locale;

import cn.tianxiacheng.servicecenter.estate.HouseholdImports.HouseholdImport;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.util.StringUtils;

/**
 * 导入住户: which estate and what its file brings; the request id has its own name, apart from the
 * form that adds an estate on the same page.
 */
record HouseholdImportForm(String householdsRequestId, @NotBlank(message = "请选择小区") String estate,
		@NotNull(message = "请选择导入的类别：业主、住户、租户或车辆") HouseholdKind kind) {

	HouseholdImport toImport() {
		return new HouseholdImport(StringUtils.hasText(householdsRequestId) ? householdsRequestId.strip() : null,
				estate.strip().toUpperCase(Locale.ROOT), kind);
	}

}
