package cn.tianxiacheng.servicecenter.fee;

import static cn.tianxiacheng.servicecenter.BenchmarkDatabase.median;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.tianxiacheng.servicecenter.BenchmarkDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Not a test: benchmark 2 (see README). On PostgreSQL, bills every unit for a month through
 * {@link BillingRuns} and inserts the same rows with plain JDBC batches into a table of the same
 * definition; a warm-up month, then {@link #ROUNDS} months, at 50,000 units and then at 200,000
 * (150,000 more in a second estate). Prints both rates of every round, the median and spread
 * of the ratio at each size. Its last line is {@code billing/jdbc ratio: <the lower median>}.
 */
@SpringBootTest(properties = { "servicecenter.demo.estate=false", "logging.level.root=WARN" })
@ContextConfiguration(initializers = BenchmarkDatabase.class)
@DirtiesContext
class FeeBillingBenchmark {

	static final int UNITS_PER_BUILDING = 500;

	static final int ROUNDS = 5;

	@Autowired
	BillingRuns billingRuns;

	@Autowired
	JdbcTemplate jdbc;

	private YearMonth month = YearMonth.of(2026, 1);

	@Test
	void billFiftyAndTwoHundredThousandUnits() {
		System.out.println(BenchmarkDatabase.machine());
		// the same table as bill: columns, defaults, checks, indexes, and (not copied by "like") its foreign keys,
		// so that both sides pay the same database work for a row and the difference is the billing run's own
		jdbc.execute("create table bill_plain (like bill including all)");
		jdbc.execute("alter table bill_plain add foreign key (unit_id) references unit (id)");
		jdbc.execute("alter table bill_plain add foreign key (fee_item_id) references fee_item (id)");
		createEstate("基准小区", 100);
		double small = measure(50_000);
		createEstate("基准二区", 300);
		double large = measure(200_000);
		System.out.printf("billing/jdbc ratio: %.2f%n", Math.min(small, large));
	}

	/** A warm-up month, then the rounds; prints them and returns the median ratio. */
	private double measure(int units) {
		round();
		double[] billing = new double[ROUNDS];
		double[] plain = new double[ROUNDS];
		double[] ratios = new double[ROUNDS];
		for (int r = 0; r < ROUNDS; r++) {
			double[] rates = round();
			billing[r] = rates[0];
			plain[r] = rates[1];
			ratios[r] = rates[0] / rates[1];
			System.out.printf("%,d units, %s: billing %.0f rows/s, plain JDBC %.0f rows/s, ratio %.2f%n", units,
					month.minusMonths(1), rates[0], rates[1], ratios[r]);
		}
		double median = median(ratios);
		System.out.printf("%,d units: billing median %.0f rows/s (%.1f s a run), plain JDBC median %.0f rows/s, "
				+ "ratio median %.2f, spread %.2f–%.2f%n", units, median(billing), units / median(billing), median(plain),
				median, Arrays.stream(ratios).min().orElseThrow(), Arrays.stream(ratios).max().orElseThrow());
		return median;
	}

	/** Bills the next month, copies it with plain JDBC: the two rates in rows per second. */
	private double[] round() {
		long start = System.nanoTime();
		BillingResult result = billingRuns.issueMonthlyBills(month, "benchmark");
		double billingSeconds = (System.nanoTime() - start) / 1e9;
		start = System.nanoTime();
		int copied = copyWithPlainJdbc(month.toString());
		double jdbcSeconds = (System.nanoTime() - start) / 1e9;
		month = month.plusMonths(1);
		return new double[] { result.issued() / billingSeconds, copied / jdbcSeconds };
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

	private void createEstate(String name, int buildings) {
		jdbc.update("insert into estate (name, code, address) values (?, ?, '基准路 1 号')", name, "B" + buildings);
		long estate = jdbc.queryForObject("select id from estate where name = ?", Long.class, name);
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
	}

}
