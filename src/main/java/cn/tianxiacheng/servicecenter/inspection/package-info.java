/**
 * Daily rounds (每天上、下午巡查): routes of checkpoints with their checklists, the morning and
 * afternoon rounds ({@code InspectionRoundProcess}, opened by {@code InspectionScheduleProcess}),
 * checkpoints recorded on the guard's phone, abnormal points as routed cases, missed rounds to the
 * manager; special equipment's maintenance cadence with the contractor's visits countersigned.
 */
@ApplicationModule(displayName = "inspection 巡查",
		allowedDependencies = { "casework", "journal", "system", "system :: engine", "system :: errors",
				"system :: pages", "system :: security", "system :: setup" })
@OwnsTables({ "inspection_route", "inspection_checkpoint", "inspection_round", "inspection_record", "equipment", "equipment_maintenance" })
package cn.tianxiacheng.servicecenter.inspection;

import cn.tianxiacheng.servicecenter.system.OwnsTables;
import org.springframework.modulith.ApplicationModule;
