package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import cn.tianxiacheng.servicecenter.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Not a test: a benchmark, run with {@code ./mvnw -q -Pbenchmark test} (see README). On
 * PostgreSQL, bills 50,000 units for one month through {@link BillingRuns} and inserts the same
 * rows with plain JDBC batches into a table of the same definition, and prints both rates.
 * Its last line is {@code billing/jdbc ratio: <number>}.
 */
@SpringBootTest(properties = { "servicecenter.demo.estate=false", "logging.level.root=WARN" })
@ContextConfiguration(initializers = TestDatabase.class)
@DirtiesContext
class FeeBillingBenchmark {

	static final int BUILDINGS = 100;

	static final int UNITS_PER_BUILDING = 500;

	@Autowired
	BillingRuns billingRuns;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void billFiftyThousandUnits() {
		long estate = createEstate();
		int units = BUILDINGS * UNITS_PER_BUILDING;

		billingRuns.issueMonthlyBills(YearMonth.of(2026, 9), "benchmark");
		jdbc.execute("create table bill_plain (like bill including all)");
		copyWithPlainJdbc("2026-09");

		long start = System.nanoTime();
		BillingResult result = billingRuns.issueMonthlyBills(YearMonth.of(2026, 10), "benchmark");
		double billingSeconds = (System.nanoTime() - start) / 1e9;

		start = System.nanoTime();
		int copied = copyWithPlainJdbc("2026-10");
		double jdbcSeconds = (System.nanoTime() - start) / 1e9;

		double billingRate = result.issued() / billingSeconds;
		double jdbcRate = copied / jdbcSeconds;
		System.out.printf("database: %s, estate %d with %d occupied units%n", TestDatabase.KIND, estate, units);
		System.out.printf("billing: %d bills in %.3f s = %.0f rows/s%n", result.issued(), billingSeconds, billingRate);
		System.out.printf("plain JDBC batch inserts: %d rows in %.3f s = %.0f rows/s%n", copied, jdbcSeconds, jdbcRate);
		System.out.printf("billing/jdbc ratio: %.2f%n", billingRate / jdbcRate);
	}

	/** Reads the period's bills, then inserts the same rows into {@code bill_plain} in batches of 1,000. */
	private int copyWithPlainJdbc(String period) {
		List<Object[]> rows = jdbc.query("""
				select unit_id, fee_item_id, period, subject, period_start, period_end, amount, due_date, description,
				       issued_at, issued_by from bill where period = ?""", (rs, i) -> new Object[] { rs.getLong(1),
				rs.getLong(2), rs.getString(3), rs.getString(4), rs.getDate(5), rs.getDate(6), rs.getBigDecimal(7),
				rs.getDate(8), rs.getString(9), rs.getTimestamp(10), rs.getString(11) }, period);
		String insert = """
				insert into bill_plain (unit_id, fee_item_id, period, subject, period_start, period_end, amount,
				                        due_date, description, issued_at, issued_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
		for (int from = 0; from < rows.size(); from += 1000) {
			jdbc.batchUpdate(insert, rows.subList(from, Math.min(from + 1000, rows.size())));
		}
		return rows.size();
	}

	private long createEstate() {
		jdbc.update("insert into estate (name, address) values ('基准小区', '基准路 1 号')");
		long estate = jdbc.queryForObject("select id from estate where name = '基准小区'", Long.class);
		jdbc.update("insert into fee_item (estate_id, code, name, kind, income) values (?, 'MANAGEMENT', '物业管理费', 'AREA_MONTHLY', true)", estate);
		jdbc.update("insert into fee_item (estate_id, code, name, kind, income) values (?, 'PARKING', '车位租金', 'SPACE_MONTHLY', true)", estate);
		jdbc.update("insert into fee_rate (fee_item_id, unit_type, price, valid_from) select id, null, 2.20, date '2019-01-01' from fee_item where estate_id = ?", estate);
		for (int b = 1; b <= BUILDINGS; b++) {
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
		return estate;
	}

}
