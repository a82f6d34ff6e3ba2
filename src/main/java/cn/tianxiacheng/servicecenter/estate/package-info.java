/**
 * The estate and who lives there: estates, buildings, units, owners, residents, tenants, parking
 * spaces, vehicles; the one personal-data rule and its read log; the write API other packages use
 * (Households).
 */
@ApplicationModule(displayName = "estate 房屋与住户", allowedDependencies = { "model", "system" })
package cn.tianxiacheng.servicecenter.estate;

import org.springframework.modulith.ApplicationModule;
