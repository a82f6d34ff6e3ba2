package cn.tianxiacheng.servicecenter.survey;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.survey.Surveys.Report;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffAuthorities;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SurveyApiController {

	private final Surveys surveys;

	SurveyApiController(Surveys surveys) {
		this.surveys = surveys;
	}

	record SurveyRequest(@Size(max = 64, message = "requestId 最多 64 个字符") String requestId, @NotBlank(message = "请填写调查名称") @Size(max = 100, message = "名称最多 100 个字") String title,
			List<Integer> buildings, @NotNull(message = "缺少 endsOn（截止日期）") LocalDate endsOn) {
	}

	record AnswerRequest(@NotNull(message = "缺少 unitId（房屋编号）") Long unitId,
			@NotEmpty(message = "请至少为一个服务项目评分") Map<String, Integer> scores,
			@Size(max = 1000, message = "意见最多 1000 个字") String comment) {
	}

	@GetMapping("/api/surveys/areas")
	List<String> areas() {
		return Surveys.AREAS;
	}

	@PostMapping("/api/surveys")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Long> start(@Valid @RequestBody SurveyRequest request, Authentication staff) {
		StaffAuthorities.requireAny(staff, "只有经理或接待员可以发起满意度调查", StaffGroup.MANAGER, StaffGroup.RECEPTION);
		return Map.of("id", surveys.start(request.requestId(), request.title().strip(), request.buildings(), request.endsOn(), Staff.of(staff)));
	}

	@PostMapping("/api/surveys/{id}/answers")
	@ResponseStatus(HttpStatus.CREATED)
	void answer(@PathVariable long id, @Valid @RequestBody AnswerRequest request, Authentication staff) {
		StaffAuthorities.requireAny(staff, "只有接待员可以录入调查答卷", StaffGroup.RECEPTION);
		surveys.answer(id, request.unitId(), request.scores(), request.comment(), Staff.of(staff));
	}

	@GetMapping("/api/surveys/{id}/report")
	Report report(@PathVariable long id, Authentication staff) {
		return surveys.report(Staff.of(staff).estateId(), id);
	}

}
