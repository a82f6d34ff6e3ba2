package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.tianxiacheng.servicecenter.estate.UnitType;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** The manager's 调整收费标准 form: a new price of an item, for one unit type or all, from a day on. */
record FeeStandardForm(String requestId, @NotNull(message = "请选择收费项目") Long itemId, UnitType unitType,
		@NotNull(message = PRICE) @Digits(integer = 6, fraction = 2, message = PRICE) @PositiveOrZero(
				message = PRICE) BigDecimal price,
		@NotNull(message = "请按 年-月-日 填写生效日期，如 2027-01-01") LocalDate validFrom, String reason) {

	static final String PRICE = "收费标准应为金额（元），最多两位小数，如 2.40";

}
