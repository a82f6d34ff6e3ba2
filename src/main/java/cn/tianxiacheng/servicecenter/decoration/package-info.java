/**
 * Decoration (装修): applications, the rules of DecorationReview.dmn, DecorationApprovalProcess and
 * its delegates, permits, inspections, patrols, violations, extensions, acceptance and the
 * deposit's settlement; owns the decoration tables (workers' ID numbers stay here).
 */
@ApplicationModule(displayName = "decoration 装修",
		allowedDependencies = { "archive", "casework", "estate", "fee", "journal", "system" })
package cn.tianxiacheng.servicecenter.decoration;

import org.springframework.modulith.ApplicationModule;
