package cn.tianxiacheng.servicecenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A 200 means kept: the application, in a JVM of its own on the database of this suite (its
 * H2 file default, or PostgreSQL), takes payments and cases from several clients and is killed
 * with {@code kill -9}; started again on the same data, it has every acknowledged payment and
 * case exactly once (a retry with the same request id returns the first answer), no receipt or
 * case number twice, and ledgers that add up.
 */
class CrashRecoveryIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final int CLIENTS = 4;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Process application;

	@AfterEach
	void stop() {
		if (application != null) {
			application.destroyForcibly();
		}
	}

	@Test
	void shouldKeepEveryAcknowledgedPaymentAndCaseThroughAKill9() throws Exception {
		Path workDir = Files.createTempDirectory("crash-test");
		List<String> database = TestDatabase.KIND.equals("postgres")
				? TestDatabase.freshPostgresDatabase("crash_" + System.nanoTime()) : null;
		int port = freePort();

		application = start(workDir, port, database);
		List<Long> units = occupiedUnits(port);

		Map<String, String> acknowledgedPayments = new ConcurrentHashMap<>();
		Map<String, Long> paymentUnits = new ConcurrentHashMap<>();
		Map<String, String> acknowledgedCases = new ConcurrentHashMap<>();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		for (int c = 0; c < CLIENTS; c++) {
			clients.submit(() -> {
				while (running.get()) {
					try {
						if (ThreadLocalRandom.current().nextInt(4) == 0) {
							String requestId = UUID.randomUUID().toString();
							JsonNode registered = post(port, "receptionist", "/api/cases", caseBody(requestId));
							if (registered != null) {
								acknowledgedCases.put(requestId, registered.get("caseNumber").asText());
							}
						}
						else {
							String key = UUID.randomUUID().toString();
							long unit = units.get(ThreadLocalRandom.current().nextInt(units.size()));
							JsonNode receipt = post(port, "cashier", "/api/payments", paymentBody(key, unit));
							if (receipt != null) {
								acknowledgedPayments.put(key, receipt.get("receiptNumber").asText());
								paymentUnits.put(key, unit);
							}
						}
					}
					catch (IOException | InterruptedException refused) {
						// the application is gone: this request was not acknowledged
					}
				}
			});
		}
		Thread.sleep(5_000);
		application.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		running.set(false);
		clients.shutdown();
		assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		assertThat(acknowledgedPayments).as("payments taken before the kill").hasSizeGreaterThan(20);
		assertThat(acknowledgedCases).as("cases registered before the kill").hasSizeGreaterThan(5);

		System.out.printf("Crash test on %s: %d payments and %d cases acknowledged before kill -9%n", TestDatabase.KIND,
				acknowledgedPayments.size(), acknowledgedCases.size());
		application = start(workDir, port, database);

		for (Map.Entry<String, String> payment : acknowledgedPayments.entrySet()) {
			JsonNode retried = post(port, "cashier", "/api/payments",
					paymentBody(payment.getKey(), paymentUnits.get(payment.getKey())));
			assertThat(retried.get("receiptNumber").asText()).as("payment %s kept with its receipt", payment.getKey())
				.isEqualTo(payment.getValue());
		}
		for (Map.Entry<String, String> registered : acknowledgedCases.entrySet()) {
			JsonNode retried = post(port, "receptionist", "/api/cases", caseBody(registered.getKey()));
			assertThat(retried.get("caseNumber").asText()).as("case %s kept", registered.getKey())
				.isEqualTo(registered.getValue());
		}
		assertThat(new HashSet<>(acknowledgedPayments.values())).as("no receipt number twice")
			.hasSize(acknowledgedPayments.size());
		assertThat(new HashSet<>(acknowledgedCases.values())).as("no case number twice").hasSize(acknowledgedCases.size());

		JsonNode fresh = post(port, "cashier", "/api/payments", paymentBody(UUID.randomUUID().toString(), units.get(0)));
		assertThat(acknowledgedPayments.values()).as("a new receipt number after the restart")
			.doesNotContain(fresh.get("receiptNumber").asText());
		for (Long unit : new HashSet<>(paymentUnits.values())) {
			JsonNode account = get(port, "cashier", "/api/units/" + unit + "/account");
			assertThat(account.get("balance").decimalValue())
				.as("unit %d: balance = owed − prepaid", unit)
				.isEqualByComparingTo(account.get("outstanding").decimalValue().subtract(account.get("prepaid").decimalValue()));
		}
	}

	private Process start(Path workDir, int port, List<String> database) throws Exception {
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-Duser.timezone=UTC", "-jar",
				applicationJar().getAbsolutePath(), "--server.port=" + port, "--servicecenter.login.max-delay=PT2S",
				"--servicecenter.demo.history=false"));
		if (database != null) {
			command.add("--spring.datasource.url=" + database.get(0));
			command.add("--spring.datasource.username=" + database.get(1));
			command.add("--spring.datasource.password=" + database.get(2));
		}
		Process process = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(workDir.resolve("application.log").toFile())
			.start();
		long deadline = System.currentTimeMillis() + 120_000;
		while (System.currentTimeMillis() < deadline) {
			assertThat(process.isAlive()).as("the application runs (see %s)", workDir.resolve("application.log")).isTrue();
			try {
				HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri(port, "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return process;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(500);
		}
		throw new AssertionError("the application did not start within 2 minutes");
	}

	private List<Long> occupiedUnits(int port) throws Exception {
		List<Long> units = new ArrayList<>();
		for (JsonNode unit : get(port, "cashier", "/api/units?building=1&size=100").get("content")) {
			if ("OCCUPIED".equals(unit.get("status").asText())) {
				units.add(unit.get("id").asLong());
			}
		}
		assertThat(units).isNotEmpty();
		return units;
	}

	/** The JSON answer of a 2xx, or null for any other status. */
	private JsonNode post(int port, String user, String path, String body) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(port, path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", basic(user))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		return response.statusCode() / 100 == 2 ? JSON.readTree(response.body()) : null;
	}

	private JsonNode get(int port, String user, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(uri(port, path)).header("Authorization", basic(user)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static String paymentBody(String key, long unit) {
		return "{\"idempotencyKey\":\"" + key + "\",\"unitId\":" + unit + ",\"amount\":12.34,\"method\":\"CASH\"}";
	}

	private static String caseBody(String requestId) {
		return "{\"requestId\":\"" + requestId + "\",\"type\":\"SERVICE_REQUEST\",\"unitNumber\":\"1-1-101\","
				+ "\"contactName\":\"钱女士\",\"channel\":\"PHONE\",\"category\":\"水电维修\",\"urgency\":\"NORMAL\","
				+ "\"description\":\"厨房水龙头漏水\"}";
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
	}

	private static URI uri(int port, String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static File applicationJar() {
		File[] jars = new File("target").listFiles(
				(dir, name) -> name.startsWith("service-center-") && name.endsWith(".jar") && !name.contains("plain"));
		assertThat(jars).as("the packaged application in target/ (run through mvn verify)").isNotEmpty();
		return jars[0];
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
