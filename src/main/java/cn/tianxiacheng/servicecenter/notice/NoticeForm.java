package cn.tianxiacheng.servicecenter.notice;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The 发布服务信息 form: for the whole estate when no building is ticked. */
record NoticeForm(String requestId,
		@NotBlank(message = "请填写标题和正文") @Size(max = 100, message = "标题最多 100 个字") String title,
		@NotBlank(message = "请填写标题和正文") @Size(max = 4000, message = "正文最多 4000 个字") String body,
		List<@Pattern(regexp = "\\d{1,3}", message = "楼栋应为楼号，如 2") String> buildings,
		@NotNull(message = "请填写开始日期") LocalDate validFrom,
		@NotNull(message = "请填写结束日期") LocalDate validTo) {

	/** An empty form for a notice of a week from today. */
	static NoticeForm startingOn(LocalDate today) {
		return new NoticeForm(null, "", "", List.of(), today, today.plusDays(7));
	}

	List<Integer> buildingList() {
		return buildings == null ? List.of() : buildings.stream().map(Integer::valueOf).toList();
	}

}
