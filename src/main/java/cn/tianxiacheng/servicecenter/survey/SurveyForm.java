package cn.tianxiacheng.servicecenter.survey;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The 发起满意度调查 form: every unit of the estate when no building is ticked. */
record SurveyForm(String requestId,
		@NotBlank(message = TITLE) @Size(max = 100, message = TITLE) String title,
		List<@Pattern(regexp = "\\d{1,3}", message = "楼栋应为楼号，如 2") String> buildings,
		@NotNull(message = "请按 年-月-日 填写截止日期，如 2026-12-31") LocalDate endsOn) {

	static final String TITLE = "请填写调查名称（最多 100 个字）";

	List<Integer> buildingList() {
		return buildings == null ? List.of() : buildings.stream().map(Integer::valueOf).toList();
	}

}
