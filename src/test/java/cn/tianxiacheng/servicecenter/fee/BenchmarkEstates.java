package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Estates for the billing benchmarks: buildings of 500 occupied units, a management fee of 2.20 a m². */
final class BenchmarkEstates {

	static final int UNITS_PER_BUILDING = 500;

	private BenchmarkEstates() {
	}

	/** The estate's id. */
	static long create(JdbcTemplate jdbc, String name, String code, int buildings) {
		jdbc.update("insert into estate (name, code, address) values (?, ?, '基准路 1 号')", name, code);
		long estate = jdbc.queryForObject("select id from estate where code = ?", Long.class, code);
		jdbc.update("insert into fee_item (estate_id, code, name, kind, income) values (?, 'MANAGEMENT', '物业管理费', 'AREA_MONTHLY', true)", estate);
		jdbc.update("insert into fee_item (estate_id, code, name, kind, income) values (?, 'PARKING', '车位租金', 'SPACE_MONTHLY', true)", estate);
		jdbc.update("insert into fee_rate (fee_item_id, unit_type, price, valid_from) select id, null, 2.20, date '2019-01-01' from fee_item where estate_id = ?", estate);
		for (int b = 1; b <= buildings; b++) {
			jdbc.update("insert into building (estate_id, number, name, entrances, floors) values (?, ?, ?, 5, 25)", estate, b,
					b + "号楼");
			long building = jdbc.queryForObject("select id from building where estate_id = ? and number = ?", Long.class,
					estate, b);
			List<Object[]> units = new ArrayList<>();
			for (int i = 0; i < UNITS_PER_BUILDING; i++) {
				int entrance = i / 100 + 1;
				int floor = i % 100 / 4 + 1;
				int door = i % 4 + 1;
				units.add(new Object[] { building, "%d-%d-%d%02d".formatted(b, entrance, floor, door), entrance, floor,
						new BigDecimal("89.62").add(BigDecimal.valueOf(door, 1)) });
			}
			jdbc.batchUpdate(
					"insert into unit (building_id, number, entrance, floor, area_m2, type, status) values (?, ?, ?, ?, ?, 'RESIDENTIAL', 'OCCUPIED')",
					units);
		}
		jdbc.execute("analyze");
		return estate;
	}

}
