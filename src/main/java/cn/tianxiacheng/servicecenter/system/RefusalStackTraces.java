package cn.tianxiacheng.servicecenter.system;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * Camunda logs every exception a command throws (ENGINE-16004, at ERROR, with its stack trace),
 * and its REST layer logs the whole stack trace of every exception it answers with 500: for a
 * refusal of the engine guard, which Camunda does not know, both, some 46 KB a refused call.
 * For a request whose refusal was recorded ({@link EngineErrorResponses#refusalRecorded()}), and
 * logged as one line by {@link RefusalLog}, these two are dropped; real errors keep them.
 */
@Component
class RefusalStackTraces extends TurboFilter {

	private static final List<String> EXCEPTION_LOGGERS = List.of("org.camunda.bpm.engine.context",
			"org.camunda.bpm.engine.rest.exception");

	RefusalStackTraces() {
		setName(RefusalStackTraces.class.getName());
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
			logback.getTurboFilterList().removeIf(filter -> getName().equals(filter.getName()));
			logback.addTurboFilter(this);
			start();
		}
	}

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
		if (level != null && level.isGreaterOrEqual(Level.WARN) && EXCEPTION_LOGGERS.contains(logger.getName())
				&& EngineErrorResponses.refusalRecorded()) {
			return FilterReply.DENY;
		}
		return FilterReply.NEUTRAL;
	}

}
