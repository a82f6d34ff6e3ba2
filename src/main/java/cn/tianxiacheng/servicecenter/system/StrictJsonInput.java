package cn.tianxiacheng.servicecenter.system;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON of {@code /api} takes every text through {@link PlainText} and every date through
 * {@link SaneDates}, in one place, so a new request type needs no code: a refused value is a
 * 400 that names the field ({@link ApiExceptionHandler}). Camunda's REST API has a mapper of its
 * own; its task form values are checked by the engine's guard.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonInput {

	@Bean
	Module plainTextAndSaneDates() {
		SimpleModule module = new SimpleModule("servicecenter-strict-input");
		module.addDeserializer(String.class, new Checked<>(String.class, StringDeserializer.instance, PlainText::isPlain,
				PlainText.REFUSAL));
		module.addDeserializer(LocalDate.class, new Checked<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
				SaneDates::isSane, SaneDates.outOfRange()));
		module.addDeserializer(LocalDateTime.class, new Checked<>(LocalDateTime.class,
				LocalDateTimeDeserializer.INSTANCE, SaneDates::isSane, SaneDates.outOfRange()));
		return module;
	}

	/** Jackson's own deserializer, and then the rule; the refusal names the field through its path. */
	private static final class Checked<T> extends StdDeserializer<T> {

		private final transient JsonDeserializer<T> jacksons;

		private final transient Predicate<T> rule;

		private final String refusal;

		Checked(Class<T> type, JsonDeserializer<T> jacksons, Predicate<T> rule, String refusal) {
			super(type);
			this.jacksons = jacksons;
			this.rule = rule;
			this.refusal = refusal;
		}

		@Override
		public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			T value = jacksons.deserialize(parser, context);
			if (!rule.test(value)) {
				throw new InvalidFormatException(parser, refusal, value, handledType());
			}
			return value;
		}

	}

}
