package cn.tianxiacheng.servicecenter.evaluation;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotNull;

/** The manager's change of one indicator's standard; whether it holds together is the standards' rule. */
record IndicatorStandardForm(@NotNull(message = IndicatorStandardForm.WEIGHT) Integer weight, BigDecimal fullAt,
		BigDecimal zeroAt) {

	static final String WEIGHT = "权重应为 0 到 100 的整数";

}
