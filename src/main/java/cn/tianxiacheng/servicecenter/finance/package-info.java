/**
 * Finance reports (财务报表): collection and arrears reports, expenses, the monthly income and expense
 * statement and its publication to owners.
 */
@ApplicationModule(displayName = "finance 财务报表",
		allowedDependencies = { "estate", "fee", "system", "system :: csv", "system :: errors", "system :: pages",
				"system :: security", "system :: setup" })
@OwnsTables({ "expense", "published_statement" })
package cn.tianxiacheng.servicecenter.finance;

import cn.tianxiacheng.servicecenter.system.OwnsTables;
import org.springframework.modulith.ApplicationModule;
