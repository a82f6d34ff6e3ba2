package cn.tianxiacheng.servicecenter.inspection;

import cn.tianxiacheng.servicecenter.casework.Urgency;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One checkpoint of a round as the patrol records it: normal, or abnormal with what was found, its
 * category and urgency (normal unless chosen); the photos come beside it.
 */
record CheckpointForm(
		@NotNull(message = RESULT) @Pattern(regexp = "NORMAL|ABNORMAL", message = RESULT) String result,
		String note, String category, Urgency urgency) {

	static final String RESULT = "请选择“正常”或“异常”";

	boolean abnormal() {
		return result.equals("ABNORMAL");
	}

	Urgency urgencyOrNormal() {
		return urgency == null ? Urgency.NORMAL : urgency;
	}

}
