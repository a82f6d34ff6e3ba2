package cn.tianxiacheng.servicecenter.fee;

import java.time.LocalDate;
import java.util.Locale;

import cn.tianxiacheng.servicecenter.fee.OpeningBalances.OpeningImport;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.util.StringUtils;

/**
 * 导入期初余额 on the estates page: which estate, and the day its balances were taken over from the
 * system it comes from; the request id has its own name, apart from the page's other forms.
 */
record OpeningBalanceForm(String balancesRequestId, @NotBlank(message = "请选择小区") String estate,
		@NotNull(message = "请填写期初日期：原系统结账、余额转入的日期") LocalDate asOf) {

	OpeningImport toImport() {
		return new OpeningImport(StringUtils.hasText(balancesRequestId) ? balancesRequestId.strip() : null,
				estate.strip().toUpperCase(Locale.ROOT), asOf);
	}

}
