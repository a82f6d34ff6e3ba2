package cn.tianxiacheng.servicecenter.fee;

import static cn.tianxiacheng.servicecenter.BenchmarkDatabase.median;
import static cn.tianxiacheng.servicecenter.BenchmarkDatabase.percentile;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.tianxiacheng.servicecenter.BenchmarkDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import org.springframework.test.context.ContextConfiguration;

/**
 * Not a test: benchmark 2 (see README). On PostgreSQL, bills every unit for a month through
 * {@link BillingRuns} and inserts the same rows with plain JDBC batches into a table of the same
 * definition; a warm-up month, then {@link #ROUNDS} months, at 50,000 units and then at 200,000
 * (150,000 more in a second estate); and, on a database of its own, at 100,000 units in 50
 * estates of 2,000, then each estate's own run. Prints both rates of every round, the median
 * and spread of the ratio at each size; each run ends with its line {@code billing/jdbc ratio…}.
 */
@SpringBootTest(properties = { "servicecenter.demo.estate=false", "logging.level.root=WARN" })
@ContextConfiguration(initializers = BenchmarkDatabase.class)
@DirtiesContext(classMode = ClassMode.AFTER_EACH_TEST_METHOD)
class FeeBillingBenchmark {

	static final int ROUNDS = 5;

	static final int ESTATES = 50;

	@Autowired
	BillingRuns billingRuns;

	@Autowired
	JdbcTemplate jdbc;

	private YearMonth month = YearMonth.of(2026, 1);

	@BeforeEach
	void plainBillTable() {
		System.out.println(BenchmarkDatabase.machine());
		// the same table as bill: columns, defaults, checks, indexes, and (not copied by "like") its foreign keys,
		// so that both sides pay the same database work for a row and the difference is the billing run's own
		jdbc.execute("create table bill_plain (like bill including all)");
		jdbc.execute("alter table bill_plain add foreign key (unit_id) references unit (id)");
		jdbc.execute("alter table bill_plain add foreign key (fee_item_id) references fee_item (id)");
	}

	@Test
	void billFiftyAndTwoHundredThousandUnits() {
		BenchmarkEstates.create(jdbc, "基准小区", "B100", 100);
		double small = measure(50_000);
		BenchmarkEstates.create(jdbc, "基准二区", "B300", 300);
		double large = measure(200_000);
		System.out.printf("billing/jdbc ratio: %.2f%n", Math.min(small, large));
	}

	/**
	 * 100,000 units in {@link #ESTATES} estates of 2,000: the run of every estate (the timer's) as
	 * above, then each estate's own run (its cashier's), one after the other for a month.
	 */
	@Test
	void billFiftyEstatesOfTwoThousandUnits() {
		List<Long> estates = new ArrayList<>();
		for (int e = 1; e <= ESTATES; e++) {
			estates.add(BenchmarkEstates.create(jdbc, "基准" + e + "区", "E%02d".formatted(e), 4));
		}
		double total = measure(ESTATES * 4 * BenchmarkEstates.UNITS_PER_BUILDING);
		double[] seconds = new double[ESTATES];
		double[] rates = new double[ESTATES];
		for (int e = 0; e < ESTATES; e++) {
			long start = System.nanoTime();
			BillingResult result = billingRuns.issueMonthlyBills(month, estates.get(e), "benchmark");
			seconds[e] = (System.nanoTime() - start) / 1e9;
			rates[e] = result.issued() / seconds[e];
		}
		System.out.printf("%d estates, %s, each its own run: p50 %.2f s (%.0f rows/s), p95 %.2f s, max %.2f s; "
				+ "slowest rate %.0f rows/s; all %.1f s%n", ESTATES, month, percentile(seconds, 50), median(rates),
				percentile(seconds, 95), percentile(seconds, 100), Arrays.stream(rates).min().orElseThrow(),
				Arrays.stream(seconds).sum());
		System.out.printf("billing/jdbc ratio, %d estates: %.2f%n", ESTATES, total);
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

}
