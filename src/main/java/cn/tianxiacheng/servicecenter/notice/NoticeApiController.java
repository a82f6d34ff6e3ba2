package cn.tianxiacheng.servicecenter.notice;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.notice.Notices.Notice;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffAuthorities;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NoticeApiController {

	private final Notices notices;

	NoticeApiController(Notices notices) {
		this.notices = notices;
	}

	record NoticeRequest(@Size(max = 64, message = "requestId 最多 64 个字符") String requestId, @NotBlank(message = "请填写标题") @Size(max = 100, message = "标题最多 100 个字") String title,
			@NotBlank(message = "请填写正文") @Size(max = 4000, message = "正文最多 4000 个字") String body,
			List<Integer> buildings, @NotNull(message = "缺少 validFrom（开始日期）") LocalDate validFrom,
			@NotNull(message = "缺少 validTo（结束日期）") LocalDate validTo) {
	}

	@PostMapping("/api/notices")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Long> publish(@Valid @RequestBody NoticeRequest request, Authentication staff) {
		StaffAuthorities.requireAny(staff, "只有接待员或经理可以发布服务信息", StaffGroup.RECEPTION, StaffGroup.MANAGER);
		return Map.of("id", notices.publish(request.requestId(), request.title().strip(), request.body().strip(), request.buildings(),
				request.validFrom(), request.validTo(), Staff.of(staff)));
	}

	@GetMapping("/api/notices")
	List<Notice> current(@RequestParam(required = false) Long unitId, Authentication staff) {
		return notices.current(Staff.of(staff).estateId(), unitId);
	}

}
