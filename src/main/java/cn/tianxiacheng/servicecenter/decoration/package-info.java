/**
 * Decoration (装修): applications, the rules of DecorationReview.dmn, DecorationApprovalProcess and
 * its delegates, permits, inspections, patrols, violations, extensions, acceptance and the
 * deposit's settlement; owns the decoration tables (workers' ID numbers stay here).
 */
@ApplicationModule(displayName = "decoration 装修",
		allowedDependencies = { "archive", "casework", "estate", "fee", "journal", "system", "system :: engine",
				"system :: errors", "system :: numbering", "system :: pages", "system :: security", "system :: setup" })
@OwnsTables({ "decoration", "decoration_document", "decoration_worker", "decoration_inspection", "decoration_violation", "decoration_extension", "decoration_objection", "decoration_acceptance", "decoration_deduction", "decoration_step" })
package cn.tianxiacheng.servicecenter.decoration;

import cn.tianxiacheng.servicecenter.system.OwnsTables;
import org.springframework.modulith.ApplicationModule;
