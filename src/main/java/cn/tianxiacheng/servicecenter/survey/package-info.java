/**
 * Satisfaction surveys (满意度调查): campaigns over occupied units, answers, reports by area and
 * building.
 */
@ApplicationModule(displayName = "survey 满意度调查", allowedDependencies = { "estate", "system" })
package cn.tianxiacheng.servicecenter.survey;

import org.springframework.modulith.ApplicationModule;
