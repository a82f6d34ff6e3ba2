package cn.tianxiacheng.servicecenter;

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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.tianxiacheng.servicecenter.casework.ReturnVisitProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Not a test: benchmark 5 (see README). The packaged jar ({@code target/service-center-*.jar},
 * built by {@code ./mvnw -Pbenchmark verify} before the benchmarks run) started with
 * {@code java -jar} as the README says, in a new empty working directory (so a fresh H2 data
 * directory and the demo data loaded) on a free port: the seconds until
 * {@code /actuator/health} answers UP, the resident memory ({@code VmRSS} of
 * {@code /proc/<pid>/status}) after start and after a burst of {@link #CASES} whole complaint
 * cases through its HTTP API (registered with {@code POST /api/cases} as receptionist, every task
 * claimed and completed through {@code /engine-rest} by its group's demo user, the return visit's
 * timer executed by admin), 4 clients at once; then the live heap after a full collection.
 * Once for each of {@link #SETTINGS}: the JVM's defaults and the README's. The process is
 * stopped (SIGTERM, SIGKILL after 30 s) and its directory deleted. Last line:
 * {@code start-up and memory ratio: <the larger of seconds ÷ 15 and peak MB ÷ 512, with the README's settings>}.
 */
class StartupBenchmark {

	static final int CASES = 200;

	static final int CLIENTS = 4;

	static final double GOAL_SECONDS = 15;

	static final double GOAL_MB = 512;

	/**
	 * The runs, separated by {@code ;}, each the JVM options it adds (and {@code NAME=value}
	 * environment variables): the JVM's defaults, then the README's settings (its run commands
	 * and {@code spring-boot:run}); the last run is the README's.
	 * {@code -Dbenchmark.startup.settings="-Xmx300m;-Xmx256m -XX:NativeMemoryTracking=summary"}
	 * tries others (with native memory tracking, its summary is printed).
	 */
	static final List<List<String>> SETTINGS = java.util.Arrays
		.stream(System.getProperty("benchmark.startup.settings", ";-Xmx256m -XX:+UseSerialGC").split(";", -1))
		.map(run -> run.isBlank() ? List.<String>of() : List.of(run.trim().split("\\s+")))
		.toList();

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Map<String, String> USER_OF_GROUP = Map.of("reception", "receptionist", "cleaning", "cleaner",
			"engineering", "engineer", "security", "guard", "manager", "manager");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void startUpAndMemory() throws Exception {
		System.out.println(BenchmarkDatabase.machine());
		Path jar = jar();
		System.out.printf("jar %s, %d MB; java %s%n", jar.getFileName(), Files.size(jar) >> 20, java());
		double ratio = 0;
		for (List<String> options : SETTINGS) {
			ratio = run(jar, options);
		}
		System.out.printf("start-up and memory ratio: %.2f%n", ratio);
	}

	/** One start, the burst, the stop; the larger of the two ratios to the goals. */
	private double run(Path jar, List<String> options) throws Exception {
		Path home = Files.createTempDirectory("startup-benchmark-");
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(java()));
		command.addAll(options.stream().filter(option -> option.startsWith("-")).toList());
		command.addAll(List.of("-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(home.resolve("app.log").toFile());
		builder.environment().remove("JAVA_TOOL_OPTIONS");
		// NAME=value: an environment variable of the application's process
		options.stream().filter(option -> !option.startsWith("-")).map(variable -> variable.split("=", 2))
			.forEach(variable -> builder.environment().put(variable[0], variable[1]));
		builder.environment().put("PORT", Integer.toString(port));
		// the burst meets the application alone, not the demo's past being made beside it
		builder.environment().put("SERVICECENTER_DEMO_HISTORY", "false");
		String base = "http://localhost:" + port;
		System.out.printf("%n%s (working directory %s, port %d)%n", options.isEmpty() ? "JVM defaults" : String.join(" ", options),
				home, port);
		long start = System.nanoTime();
		Process app = builder.start();
		try {
			double seconds;
			try {
				seconds = awaitHealthy(app, base, start);
			}
			catch (IllegalStateException notStarted) {
				try (Stream<String> log = Files.lines(home.resolve("app.log"))) {
					log.forEach(line -> System.out.println("  | " + line));
				}
				throw notStarted;
			}
			System.out.printf("  healthy (UP) after %.1f s; the application's log: %s%n", seconds,
					startedLine(home.resolve("app.log")));
			Thread.sleep(2_000);
			long rssStarted = kilobytes(app, "VmRSS");
			System.out.printf("  after start: RSS %d MB, JVM max heap %s%n", rssStarted >> 10, maxHeap(app));

			long burst = System.nanoTime();
			int done = burst(base);
			double burstSeconds = (System.nanoTime() - burst) / 1e9;
			long rssAfter = kilobytes(app, "VmRSS");
			long peak = kilobytes(app, "VmHWM");
			System.out.printf("  %d whole complaint cases through the HTTP API in %.1f s (%.1f/s, %d clients)%n", done,
					burstSeconds, done / burstSeconds, CLIENTS);
			System.out.printf("  after the cases: RSS %d MB (peak %d MB)%n", rssAfter >> 10, peak >> 10);
			if (options.stream().anyMatch(option -> option.startsWith("-XX:NativeMemoryTracking"))) {
				System.out.println("  native memory (committed) after the cases, by the JVM's own tracking:");
				jcmd(app, "VM.native_memory", "summary").lines()
					.filter(line -> line.contains("committed="))
					.filter(line -> line.startsWith("Total") || line.startsWith("-"))
					.forEach(line -> System.out.println("    " + line.strip()));
			}
			jcmd(app, "GC.run");
			System.out.println("  heap after a full collection (the live objects), RSS then " + (kilobytes(app, "VmRSS") >> 10) + " MB:");
			jcmd(app, "GC.heap_info").lines()
				.filter(line -> line.contains("total") && line.contains("used") && !line.contains("Metaspace")
						&& !line.contains("class space"))
				.forEach(line -> System.out.println("    " + line.strip()));
			try (Stream<String> log = Files.lines(home.resolve("app.log"))) {
				log.filter(line -> line.contains("CodeCache") || line.contains("OutOfMemoryError"))
					.forEach(line -> System.out.println("  the application's log: " + line));
			}
			System.out.printf("  goal ≤ %.0f s: %s; ≤ %.0f MB RSS: %s%n", GOAL_SECONDS, seconds <= GOAL_SECONDS ? "met" : "not met",
					GOAL_MB, Math.max(rssStarted, rssAfter) >> 10 <= GOAL_MB ? "met" : "not met");
			return Math.max(seconds / GOAL_SECONDS, (Math.max(rssStarted, peak) >> 10) / GOAL_MB);
		}
		finally {
			stop(app);
			deleteTree(home);
		}
	}

	/** Polls {@code /actuator/health} until it answers UP; seconds since the start. */
	private double awaitHealthy(Process app, String base, long start) throws Exception {
		long deadline = start + TimeUnit.SECONDS.toNanos(180);
		while (System.nanoTime() < deadline) {
			if (!app.isAlive()) {
				throw new IllegalStateException("The application stopped with exit code " + app.exitValue());
			}
			try {
				HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return (System.nanoTime() - start) / 1e9;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("Not healthy after 180 s");
	}

	/** {@link #CASES} whole complaint cases by {@link #CLIENTS} clients; the number done. */
	private int burst(String base) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		AtomicInteger next = new AtomicInteger();
		List<Future<Integer>> results = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			results.add(clients.submit(() -> {
				int done = 0;
				for (int n = next.getAndIncrement(); n < CASES; n = next.getAndIncrement()) {
					complaintCase(base, n);
					done++;
				}
				return done;
			}));
		}
		int done = 0;
		for (Future<Integer> result : results) {
			done += result.get();
		}
		clients.shutdown();
		return done;
	}

	/** As benchmark 1, through HTTP: registered, dispatched to 环境部, handled, confirmed, visited. */
	private void complaintCase(String base, int n) throws Exception {
		JsonNode registered = call(base, "receptionist", "POST", "/api/cases", JSON.writeValueAsString(Map.of(
				"requestId", UUID.randomUUID().toString(), "type", "COMPLAINT", "unitNumber", (1 + n % 3) + "-1-101",
				"contactName", "钱女士", "contactPhone", "13812345678", "channel", "PHONE", "category", "环境卫生",
				"urgency", "NORMAL", "description", "楼道垃圾未清运")));
		String instance = registered.get("processInstanceId").asText();
		String caseNumber = registered.get("caseNumber").asText();
		work(base, instance, Map.of("decision", value("DISPATCH"), "opinion", value("已联系环境部")));
		work(base, instance, Map.of("opinion", value("已清运")));
		work(base, instance, Map.of("ownerConfirmed", value(true), "opinion", value("业主确认已处理")));
		String visit = call(base, "admin", "GET", "/engine-rest/process-instance?businessKey=" + ReturnVisitProcess.businessKey(caseNumber), null)
			.get(0).get("id").asText();
		String job = call(base, "admin", "GET", "/engine-rest/job?processInstanceId=" + visit, null).get(0).get("id").asText();
		call(base, "admin", "POST", "/engine-rest/job/" + job + "/execute", null);
		work(base, visit, Map.of("reached", value(true), ReturnVisitProcess.SATISFACTION, Map.of("value", 5, "type", "Long"), "opinion",
				value("满意")));
	}

	/** The instance's one open task, claimed and completed by the demo user of its candidate group. */
	private void work(String base, String instance, Map<String, Object> variables) throws Exception {
		JsonNode task = call(base, "admin", "GET", "/engine-rest/task?processInstanceId=" + instance, null).get(0);
		String taskId = task.get("id").asText();
		String group = null;
		for (JsonNode link : call(base, "admin", "GET", "/engine-rest/task/" + taskId + "/identity-links?type=candidate", null)) {
			if (link.hasNonNull("groupId")) {
				group = link.get("groupId").asText();
			}
		}
		String user = USER_OF_GROUP.get(group);
		call(base, user, "POST", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}");
		call(base, user, "POST", "/engine-rest/task/" + taskId + "/complete",
				JSON.writeValueAsString(Map.of("variables", variables)));
	}

	private static Map<String, Object> value(Object value) {
		return Map.of("value", value);
	}

	private JsonNode call(String base, String user, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json");
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(method + " " + path + " as " + user + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
	}

	/** A line of {@code /proc/<pid>/status}, in kB. */
	private static long kilobytes(Process app, String field) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + app.pid() + "/status"))) {
			if (line.startsWith(field + ":")) {
				return Long.parseLong(line.replaceAll("\\D", ""));
			}
		}
		throw new IllegalStateException(field + " not in /proc/" + app.pid() + "/status");
	}

	/** The heap limit the JVM chose ({@code jcmd <pid> VM.flags}). */
	private static String maxHeap(Process app) {
		Matcher max = Pattern.compile("MaxHeapSize=(\\d+)").matcher(jcmd(app, "VM.flags"));
		return max.find() ? (Long.parseLong(max.group(1)) >> 20) + " MB" : "unknown";
	}

	/** What {@code jcmd <pid> <command>} prints. */
	private static String jcmd(Process app, String... command) {
		List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				Long.toString(app.pid())));
		line.addAll(List.of(command));
		try {
			Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
			String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			jcmd.waitFor(20, TimeUnit.SECONDS);
			return output;
		}
		catch (IOException ex) {
			return "jcmd failed: " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "jcmd interrupted";
		}
	}

	private static String startedLine(Path log) throws IOException {
		try (Stream<String> lines = Files.lines(log)) {
			return lines.filter(line -> line.contains("Started ServiceCenterApplication"))
				.map(line -> line.replaceAll("^.*(Started ServiceCenterApplication.*)$", "$1"))
				.findFirst()
				.orElse("(no start line)");
		}
	}

	/** SIGTERM (Spring shuts down gracefully), then SIGKILL after 30 s. */
	private static void stop(Process app) throws InterruptedException {
		app.destroy();
		if (!app.waitFor(30, TimeUnit.SECONDS)) {
			app.destroyForcibly();
			app.waitFor(10, TimeUnit.SECONDS);
		}
	}

	private static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter(file -> file.getFileName().toString().matches("service-center-.*\\.jar"))
				.map(Path::toAbsolutePath)
				.max(Comparator.comparing(file -> file.toFile().lastModified()))
				.orElseThrow(() -> new IllegalStateException(
						"No target/service-center-*.jar: run ./mvnw -Pbenchmark verify (it packages the jar first)"));
		}
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

}
