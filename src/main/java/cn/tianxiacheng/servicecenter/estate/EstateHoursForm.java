package cn.tianxiacheng.servicecenter.estate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** 时区与营业时间 of an estate, as the administrator sets them on the estates' page. */
record EstateHoursForm(@NotBlank(message = "请选择时区") String timeZone,
		@NotBlank(message = "请填写服务中心办公时间") @Size(max = 100, message = "服务中心办公时间最多 100 个字") String officeHours,
		@NotBlank(message = "请填写装修施工时间") @Size(max = 100, message = "装修施工时间最多 100 个字") String worksHours) {
}
