package cn.tianxiacheng.servicecenter.estate;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which units a phone number is on file for, and as whom: the owners', the household members' and
 * the current tenants' numbers. Answers unit facts only, never a name.
 */
@Component
public class PhonesOnFile {

	/** How the person with the number stands to the unit. */
	public enum Role {

		OWNER("业主"), RESIDENT("家庭成员"), TENANT("租户");

		private final String label;

		Role(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public record UnitOnFile(long unitId, long estateId, String estateName, String unitNumber, Role role) {
	}

	/** The order also ranks the roles: a person on file twice for one unit holds the first. */
	private static final String UNITS_OF_PHONE = """
			select p.unit_id, a.estate_id, e.name, a.unit_number, p.role from (
			  select unit_id, 'OWNER' as role, 1 as rank_of_role from owner where phone = ?
			  union all
			  select unit_id, 'RESIDENT', 2 from resident where phone = ?
			  union all
			  select unit_id, 'TENANT', 3 from tenant where phone = ? and lease_start <= ? and lease_end >= ?
			) p join unit_address a on a.unit_id = p.unit_id join estate e on e.id = a.estate_id
			order by e.name, a.unit_number, p.rank_of_role""";

	private final JdbcTemplate jdbc;

	PhonesOnFile(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Each unit once, with the person's strongest role there; a tenancy counts while it runs. */
	public List<UnitOnFile> unitsOf(String phone, LocalDate today) {
		Date on = Date.valueOf(today);
		Map<Long, UnitOnFile> units = new LinkedHashMap<>();
		jdbc.query(UNITS_OF_PHONE,
				(rs, i) -> new UnitOnFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						Role.valueOf(rs.getString(5))),
				phone, phone, phone, on, on)
			.forEach(unit -> units.putIfAbsent(unit.unitId(), unit));
		return List.copyOf(units.values());
	}

}
