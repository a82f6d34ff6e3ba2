/**
 * Satisfaction surveys (满意度调查): campaigns over occupied units, answers, reports by area and
 * building.
 */
@ApplicationModule(displayName = "survey 满意度调查",
		allowedDependencies = { "estate", "system", "system :: errors", "system :: pages", "system :: security" })
@OwnsTables({ "survey", "survey_target", "survey_answer", "survey_score" })
package cn.tianxiacheng.servicecenter.survey;

import cn.tianxiacheng.servicecenter.system.OwnsTables;
import org.springframework.modulith.ApplicationModule;
