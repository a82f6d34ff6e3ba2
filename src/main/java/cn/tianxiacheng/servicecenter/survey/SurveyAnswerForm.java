package cn.tianxiacheng.servicecenter.survey;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.system.BadInputException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.util.StringUtils;

/**
 * One unit's answers taken by phone: {@code score0}… rate {@link Surveys#AREAS} in their order, 1–5,
 * blank where the owner gave none.
 */
record SurveyAnswerForm(@NotBlank(message = "请填写房号") String unitNumber, String score0, String score1,
		String score2, String score3, String score4, String score5,
		@Size(max = 1000, message = "意见最多 1000 个字") String comment) {

	Map<String, Integer> scores() {
		List<String> given = Arrays.asList(score0, score1, score2, score3, score4, score5);
		Map<String, Integer> scores = new LinkedHashMap<>();
		for (int i = 0; i < Surveys.AREAS.size(); i++) {
			String score = given.get(i);
			if (!StringUtils.hasText(score)) {
				continue;
			}
			if (!score.matches("[1-5]")) {
				throw new BadInputException("“" + Surveys.AREAS.get(i) + "”的评分必须是 1 到 5 分");
			}
			scores.put(Surveys.AREAS.get(i), Integer.valueOf(score));
		}
		if (scores.isEmpty()) {
			throw new BadInputException("请至少为一个服务项目评分");
		}
		return scores;
	}

	String givenComment() {
		return StringUtils.hasText(comment) ? comment.strip() : null;
	}

}
