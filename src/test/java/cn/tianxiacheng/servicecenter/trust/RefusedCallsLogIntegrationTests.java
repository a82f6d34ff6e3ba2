package cn.tianxiacheng.servicecenter.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Logs as a weapon: one staff account sending refused engine calls as fast as the server answers
 * them (job executions, message correlations, signals, deployments, through {@code /engine-rest}
 * and the webapps' API). Every event logged meanwhile is captured as the console would write it,
 * stack traces included: 200 refusals grow the log by less than 100 KB, each refusal logged is
 * one line naming the user, the command and the reason, and the lines of one user are limited.
 */
@IntegrationTest
class RefusedCallsLogIntegrationTests extends IntegrationTestSupport {

	private static final String REASON = "您的岗位不能在流程引擎中办理此操作";

	private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

	private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
		@Override
		protected void append(ILoggingEvent event) {
			event.prepareForDeferredProcessing();
			events.add(event);
		}
	};

	private final PatternLayout console = new PatternLayout();

	@BeforeEach
	void captureTheLog() {
		LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
		console.setContext(logback);
		console.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p [%t] %logger{39} : %m%n%ex");
		console.start();
		capture.setContext(logback);
		capture.start();
		logback.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(capture);
	}

	@AfterEach
	void stopCapturing() {
		((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(capture);
	}

	@Test
	void shouldLogTwoHundredRefusedCallsInLessThanOneHundredKilobytes() throws Exception {
		String job = managementService.createJobQuery().list().get(0).getId();
		WebSession cleaner = WebSession.loggedIn(port, "cleaner");
		events.clear();
		long started = System.nanoTime();

		for (int i = 0; i < 200; i++) {
			int status = switch (i % 5) {
				case 0 -> post("guard", "/engine-rest/job/" + job + "/execute", null);
				case 1 -> post("guard", "/engine-rest/message", "{\"messageName\":\"Message_" + i + "\"}");
				case 2 -> post("cleaner", "/engine-rest/signal", "{\"name\":\"Signal_" + i + "\"}");
				case 3 -> deploy("guard", i);
				default -> cleaner.webapp("POST", WebSession.WEBAPP_ENGINE + "/message",
						"{\"messageName\":\"Message_" + i + "\"}").statusCode();
			};
			assertThat(status).as("call %d is refused", i).isEqualTo(403);
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		long bytes = events.stream().mapToLong(e -> console.doLayout(e).getBytes(StandardCharsets.UTF_8).length).sum();
		Map<String, Long> linesByLogger = events.stream()
			.collect(Collectors.groupingBy(ILoggingEvent::getLoggerName, Collectors.counting()));
		System.out.println("Log written for 200 refused calls: " + bytes + " bytes; events by logger: " + linesByLogger);
		assertThat(bytes).as("the log written for 200 refused calls, events by logger: %s", linesByLogger)
			.isLessThan(100_000);
		List<ILoggingEvent> refusals = events.stream().filter(e -> e.getLoggerName().endsWith(".RefusalLog")).toList();
		assertThat(refusals).as("refusals are logged").isNotEmpty().allSatisfy(line -> {
			assertThat(line.getFormattedMessage()).doesNotContain("\n")
				.containsPattern("^Refused \\w+Cmd to (guard|cleaner) \\(POST /(engine-rest|camunda/api)/\\S+\\): " + REASON);
			assertThat(line.getThrowableProxy()).isNull();
		});
		long allowed = 10 + took.toSeconds() / 10 + 1;
		assertThat(refusals.stream().filter(e -> e.getFormattedMessage().contains(" to guard ")).count())
			.as("one user's lines are limited").isLessThanOrEqualTo(allowed);
		assertThat(events).as("no stack trace for a refusal")
			.filteredOn(e -> e.getThreadName().startsWith("http-nio"))
			.noneMatch(e -> e.getThrowableProxy() != null || e.getFormattedMessage().contains("\tat "));

		Thread.sleep(10_500);
		events.clear();
		post("guard", "/engine-rest/message", "{\"messageName\":\"Message_again\"}");
		assertThat(events).as("the next line says how many were not logged").anySatisfy(e -> assertThat(
				e.getFormattedMessage()).containsPattern("^Refused CorrelateMessageCmd to guard .*\\(\\d+ more refused calls of guard not logged"));
	}

	private int post(String user, String path, String json) {
		return StaffApi.call(rest, user, HttpMethod.POST, path, json == null ? "{}" : json).getStatusCode().value();
	}

	private int deploy(String user, int i) {
		LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("deployment-name", "attack-" + i);
		parts.add("data", new ByteArrayResource("<definitions/>".getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "Attack" + i + ".bpmn";
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return rest.withBasicAuth(user, "demo")
			.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers), String.class)
			.getStatusCode()
			.value();
	}

}
