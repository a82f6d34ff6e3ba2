/**
 * Dunning (欠费催缴): the daily arrears scan and the dunning case of each unit in arrears, ended by
 * the payment that clears it.
 */
@ApplicationModule(displayName = "dunning 欠费催缴",
		allowedDependencies = { "fee", "system", "system :: engine", "system :: security", "system :: setup" })
@OwnsTables({})
package cn.tianxiacheng.servicecenter.dunning;

import cn.tianxiacheng.servicecenter.system.OwnsTables;
import org.springframework.modulith.ApplicationModule;
