/**
 * The estate and who lives there: estates (added by the administrator with their buildings and units,
 * then their households, from CSV files, each import kept as a record), buildings, units, owners, residents, tenants, parking
 * spaces, vehicles; the one personal-data rule and its read log; the API other packages use
 * (Households) and the views they may read (unit_address, parking_space_state).
 */
@ApplicationModule(displayName = "estate 房屋与住户",
		allowedDependencies = { "system", "system :: engine", "system :: errors", "system :: pages",
				"system :: persistence", "system :: security", "system :: setup" })
@OwnsTables(value = { "estate", "building", "unit", "owner", "resident", "tenant", "parking_space", "vehicle", "personal_data_read", "estate_import", "unit_address", "parking_space_state" }, published = { "unit_address", "parking_space_state" })
package cn.tianxiacheng.servicecenter.estate;

import cn.tianxiacheng.servicecenter.system.OwnsTables;
import org.springframework.modulith.ApplicationModule;
