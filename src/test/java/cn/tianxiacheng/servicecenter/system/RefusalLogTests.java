package cn.tianxiacheng.servicecenter.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RefusalLogTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T03:00:00Z"));

	private final RefusalLog refusals = new RefusalLog(new RefusalLogProperties(3, Duration.ofSeconds(10)), clock);

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger(RefusalLog.class);

	@BeforeEach
	void capture() {
		lines.start();
		logger.addAppender(lines);
	}

	@AfterEach
	void release() {
		logger.detachAppender(lines);
	}

	@Test
	void shouldLogABurstThenOneLineEveryIntervalSayingHowManyWereLeftOut() {
		for (int i = 0; i < 50; i++) {
			refusals.refused("guard", "ExecuteJobsCmd", "您的岗位不能在流程引擎中办理此操作");
		}
		assertThat(lines.list).hasSize(3);

		clock.move(Duration.ofSeconds(10));
		refusals.refused("guard", "SignalEventReceivedCmd", "您的岗位不能在流程引擎中办理此操作");

		assertThat(lines.list).hasSize(4);
		assertThat(lines.list.get(3).getFormattedMessage()).isEqualTo(
				"Refused SignalEventReceivedCmd to guard: 您的岗位不能在流程引擎中办理此操作 (47 more refused calls of guard not logged before this one)");
	}

	@Test
	void shouldCountEachUserApart() {
		for (int i = 0; i < 10; i++) {
			refusals.refused("guard", "DeployCmd", "x");
			refusals.refused("cleaner", "DeployCmd", "x");
		}
		assertThat(lines.list).hasSize(6);
	}

	@Test
	void shouldWriteWhatTheCallerSentOnOneShortLine() {
		refusals.refused("guard\nFAKE", "CompleteTaskCmd", "字段“a\r\nERROR forged" + "x".repeat(10_000) + "”不在表单中");

		String line = lines.list.get(0).getFormattedMessage();
		assertThat(line).doesNotContain("\n", "\r").startsWith("Refused CompleteTaskCmd to guard FAKE: ");
		assertThat(line.length()).isLessThan(300);
	}

}
