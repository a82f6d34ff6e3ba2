/**
 * Cases (投诉、报修、回访): intake, routing by CaseRouting.dmn, the complaint, service request and return
 * visit processes, the case journal and page.
 */
@ApplicationModule(displayName = "casework 案件",
		allowedDependencies = { "estate", "fee", "journal", "system", "system :: csv", "system :: engine",
				"system :: errors", "system :: numbering", "system :: pages", "system :: persistence",
				"system :: security", "system :: setup" })
@OwnsTables({ "service_case", "case_step", "repair_arrival", "owner_visit_rating" })
package cn.tianxiacheng.servicecenter.casework;

import cn.tianxiacheng.servicecenter.system.OwnsTables;
import org.springframework.modulith.ApplicationModule;
