package cn.tianxiacheng.servicecenter;

import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Units of another estate numbered as two of 天下城's: building 3 of that estate holds an occupied
 * unit of the number of an occupied one of 天下城 (its owner {@link #OTHER_OWNER}) and a vacant unit of
 * the number of a vacant one, neither with a decoration or a move-in yet. Other tests find 天下城's
 * units by their number alone, so {@link #numberApart} gives the other estate's units numbers of
 * their own again after the test.
 */
public record TwinUnits(String occupied, long occupiedInTianxiacheng, String ownerInTianxiacheng,
		long occupiedInOther, String vacant, long vacantInTianxiacheng, long vacantInOther) {

	public static final String OTHER_OWNER = "乙业主";

	private static final String OF_TIANXIACHENG = """
			select u.id, u.number, (select min(o.name) from owner o where o.unit_id = u.id) as owner_name from unit u
			 where u.id = (select max(x.id) from unit x join building b on b.id = x.building_id
			                 join estate e on e.id = b.estate_id
			                where e.code = 'TXC' and x.number like '3-2-%%' and x.type = 'RESIDENTIAL' and %s)""";

	public static TwinUnits create(JdbcTemplate jdbc, OtherEstate other) {
		Map<String, Object> occupied = jdbc.queryForMap(OF_TIANXIACHENG.formatted("""
				x.status = 'OCCUPIED' and exists (select 1 from owner o where o.unit_id = x.id)
				 and not exists (select 1 from decoration d where d.unit_id = x.id)"""));
		Map<String, Object> vacant = jdbc.queryForMap(OF_TIANXIACHENG.formatted("""
				x.status = 'VACANT' and not exists (select 1 from owner o where o.unit_id = x.id)
				 and not exists (select 1 from move_in m where m.unit_id = x.id)"""));
		jdbc.update("insert into building (estate_id, number, name, entrances, floors) values (?, 3, '3号楼', 2, 25)",
				other.estate().id());
		long building = jdbc.queryForObject("select id from building where estate_id = ? and number = 3", Long.class,
				other.estate().id());
		long occupiedInOther = unit(jdbc, building, (String) occupied.get("number"), "OCCUPIED");
		jdbc.update("insert into owner (unit_id, name, id_number, phone) values (?, ?, '110105199001011234', '13900002222')",
				occupiedInOther, OTHER_OWNER);
		long vacantInOther = unit(jdbc, building, (String) vacant.get("number"), "VACANT");
		return new TwinUnits((String) occupied.get("number"), ((Number) occupied.get("id")).longValue(),
				(String) occupied.get("owner_name"), occupiedInOther, (String) vacant.get("number"),
				((Number) vacant.get("id")).longValue(), vacantInOther);
	}

	public void numberApart(JdbcTemplate jdbc, OtherEstate other) {
		jdbc.update("update unit set number = concat(?, number) where id in (?, ?)", other.estate().code() + "-",
				occupiedInOther, vacantInOther);
	}

	private static long unit(JdbcTemplate jdbc, long building, String number, String status) {
		jdbc.update("""
				insert into unit (building_id, number, entrance, floor, area_m2, type, status)
				values (?, ?, 2, 1, 96.50, 'RESIDENTIAL', ?)""", building, number, status);
		return jdbc.queryForObject("select id from unit where building_id = ? and number = ?", Long.class, building,
				number);
	}

}
