/**
 * Owner archives (业主档案): the archive of each unit, access requests and their process, reads in
 * clear and their log, changes with the manager's approval.
 */
@ApplicationModule(displayName = "archive 业主档案",
		allowedDependencies = { "estate", "fee", "system", "system :: engine", "system :: errors",
				"system :: pages", "system :: security" })
@OwnsTables({ "owner_archive", "archive_document", "archive_access", "archive_read_log", "archive_change" })
package cn.tianxiacheng.servicecenter.archive;

import cn.tianxiacheng.servicecenter.system.OwnsTables;
import org.springframework.modulith.ApplicationModule;
