package cn.tianxiacheng.servicecenter;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A benchmark's own new database on the test PostgreSQL server (embedded, or
 * {@code TEST_POSTGRES_URL}'s): benchmarks that share a JVM do not see each other's rows.
 */
public class BenchmarkDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		List<String> database = TestDatabase.freshPostgresDatabase("bench_" + System.nanoTime());
		TestPropertyValues.of("spring.datasource.url=" + database.get(0), "spring.datasource.username=" + database.get(1),
				"spring.datasource.password=" + database.get(2), "spring.datasource.hikari.connection-timeout=5000")
			.applyTo(context);
	}

	/** Cores, JVM heap and physical memory: the first line of every benchmark. */
	public static String machine() {
		long physical = -1;
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			physical = os.getTotalMemorySize();
		}
		return "machine: %d cores, %.1f GB memory, JVM max heap %d MB, Java %s, PostgreSQL (%s)".formatted(
				Runtime.getRuntime().availableProcessors(), physical / 1e9, Runtime.getRuntime().maxMemory() >> 20,
				System.getProperty("java.version"),
				System.getenv("TEST_POSTGRES_URL") == null ? "embedded" : "TEST_POSTGRES_URL");
	}

	/** The median of the values. */
	public static double median(double... values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int middle = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/** The value at the percentile (nearest rank), {@code p} in 0–100. */
	public static double percentile(double[] values, double p) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(p / 100 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

}
