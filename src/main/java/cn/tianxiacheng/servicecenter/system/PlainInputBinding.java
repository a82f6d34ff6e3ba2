package cn.tianxiacheng.servicecenter.system;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.beans.propertyeditors.CustomCollectionEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The pages' form fields and every request parameter pass the same rules as {@code /api} JSON,
 * in one place: no control characters in text ({@link PlainText}), dates within
 * {@link SaneDates}. A refused value is a 400 that names the field. A field sent once for a list
 * (one line of items) is a list of that one value, not split at its commas: lines filled in
 * side by side (name, quantity, note) stay side by side.
 */
@ControllerAdvice
class PlainInputBinding {

	@InitBinder
	void plainInput(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new Checked<>(text -> text, PlainText::isPlain, PlainText.REFUSAL));
		binder.registerCustomEditor(List.class, new CustomCollectionEditor(List.class));
		binder.registerCustomEditor(LocalDate.class,
				new Checked<>(blankIsNone(LocalDate::parse), SaneDates::isSane, SaneDates.outOfRange()));
		binder.registerCustomEditor(LocalDateTime.class,
				new Checked<>(blankIsNone(LocalDateTime::parse), SaneDates::isSane, SaneDates.outOfRange()));
	}

	private static <T> Function<String, T> blankIsNone(Function<String, T> parse) {
		return text -> text.isBlank() ? null : parse.apply(text.strip());
	}

	/** A text value parsed and checked; the refusal is the message shown. */
	private static final class Checked<T> extends PropertyEditorSupport {

		private final Function<String, T> parse;

		private final Predicate<T> rule;

		private final String refusal;

		Checked(Function<String, T> parse, Predicate<T> rule, String refusal) {
			this.parse = parse;
			this.rule = rule;
			this.refusal = refusal;
		}

		@Override
		public void setAsText(String text) {
			T value;
			try {
				value = parse.apply(text);
			}
			catch (DateTimeParseException notADate) {
				throw new RefusedValue("日期格式不正确，请按 年-月-日 填写，如 2026-12-01", notADate);
			}
			if (!rule.test(value)) {
				throw new RefusedValue(refusal, null);
			}
			setValue(value);
		}

	}

	/** A value a binding rule refused; its message is the rule's sentence, shown as it is. */
	static final class RefusedValue extends IllegalArgumentException {

		RefusedValue(String rule, Throwable cause) {
			super(rule, cause);
		}

	}

}
