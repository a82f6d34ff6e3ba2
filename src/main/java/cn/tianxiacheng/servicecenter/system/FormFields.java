package cn.tianxiacheng.servicecenter.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The input fields a deployed Camunda Form declares, with every rule its editor set: what a
 * task or a start event accepts. Refused (400, naming the field by its label): a variable that
 * no field declares; a value of the wrong kind; outside the field's options, checklist and
 * taglist values included (options taken from a variable are the listener's to check); below
 * {@code min} or above {@code max}, with more decimals than {@code decimalDigits} allows (0: an
 * integer) or off the {@code increment}; shorter than {@code minLength} or longer than
 * {@code maxLength}; not matching {@code pattern} or the e-mail/phone {@code validationType}; a
 * date or time that does not parse, lies before 1900 or more than ten years ahead, or in the
 * past where the picker disallows past dates. On a submission, a required field that is shown
 * and empty (a required checkbox unticked) is refused, and so is a value for a field that is
 * hidden: Tasklist never sends one, so such a value can only be meant to slip past the form.
 * Whether a field is shown is the form's own {@code conditional.hide} FEEL expression, evaluated
 * by Camunda's FEEL engine over the submission and the task's current variables, as form-js
 * does. Read from the form itself, so a new form needs no code.
 */
final class FormFields {

	/** Components that show something and take no input. */
	private static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "image", "spacer", "separator", "button",
			"iframe", "table", "documentPreview", "expression");

	private static final Set<String> MULTIPLE = Set.of("checklist", "taglist");

	private static final Pattern EMAIL = Pattern.compile("^[^\\s@<>()\\[\\],;:\"]+@([a-zA-Z0-9-]+\\.)+[a-zA-Z]{2,}$");

	private static final Pattern PHONE = Pattern.compile("^(\\+|00)\\d{6,15}$");

	private static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

	private static final int YEARS_AHEAD = 10;

	static final FormFields NONE = new FormFields(Map.of());

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();

	/**
	 * One input field. {@code hides} are the {@code conditional.hide} expressions of the field and
	 * of the groups around it (without the leading {@code =}); {@code validate} holds the rules.
	 */
	record Field(String key, String label, String type, String subtype, List<String> hides, List<String> options,
			Integer decimalDigits, BigDecimal increment, boolean disallowPassedDates,
			JsonNode validate) {

		boolean required() {
			return validate.path("required").asBoolean(false);
		}

	}

	private final Map<String, Field> fields;

	private FormFields(Map<String, Field> fields) {
		this.fields = fields;
	}

	static FormFields parse(InputStream form) {
		try (form) {
			Map<String, Field> fields = new LinkedHashMap<>();
			collect(JSON.readTree(form).path("components"), List.of(), fields);
			return new FormFields(fields);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A deployed form could not be read", ex);
		}
	}

	private static void collect(JsonNode components, List<String> outerHides, Map<String, Field> fields) {
		for (JsonNode component : components) {
			List<String> hides = new ArrayList<>(outerHides);
			String hide = component.path("conditional").path("hide").asText("");
			if (!hide.isBlank()) {
				hides.add(hide.startsWith("=") ? hide.substring(1) : hide);
			}
			String type = component.path("type").asText();
			if (component.has("components")) {
				collect(component.path("components"), hides, fields);
			}
			if (!component.hasNonNull("key") || DISPLAY_ONLY.contains(type)) {
				continue;
			}
			String key = component.get("key").asText();
			List<String> options = null;
			if (component.has("values")) {
				options = new ArrayList<>();
				for (JsonNode option : component.get("values")) {
					options.add(option.path("value").asText());
				}
			}
			fields.put(key,
					new Field(key, component.path("label").asText(key), type, component.path("subtype").asText(""),
							List.copyOf(hides), options,
							component.hasNonNull("decimalDigits") ? component.get("decimalDigits").asInt() : null,
							component.hasNonNull("increment") ? new BigDecimal(component.get("increment").asText()) : null,
							component.path("disallowPassedDates").asBoolean(false), component.path("validate")));
		}
	}

	/**
	 * Refuses (400, naming the field) variables the form does not declare or whose values break
	 * its rules; on a submission, also a shown required field left empty and a hidden field given
	 * a value. {@code current} are the variables the task already sees (the form's initial data).
	 */
	void check(Map<String, ?> variables, boolean submission, Map<String, ?> current) {
		Map<String, Object> data = new HashMap<>();
		current.forEach((name, value) -> data.put(name, unwrap(value)));
		variables.forEach((name, value) -> data.put(name, unwrap(value)));
		for (String name : variables.keySet()) {
			if (!fields.containsKey(name)) {
				throw new BadInputException("表单中没有“" + name + "”这一项，不能提交它");
			}
		}
		for (Map.Entry<String, ?> variable : variables.entrySet()) {
			checkValue(fields.get(variable.getKey()), unwrap(variable.getValue()), data);
		}
		if (!submission) {
			return;
		}
		Set<String> hidden = applyConditions(data);
		for (Field field : fields.values()) {
			if (field.required() && !hidden.contains(field.key()) && isEmpty(field, unwrap(variables.get(field.key())))) {
				throw new BadInputException(switch (field.type()) {
					case "checkbox" -> "请勾选";
					case "radio", "select", "checklist", "taglist" -> "请选择";
					default -> "请填写";
				} + field.label());
			}
		}
		for (Map.Entry<String, ?> variable : variables.entrySet()) {
			Field field = fields.get(variable.getKey());
			if (hidden.contains(field.key()) && !isEmpty(field, unwrap(variable.getValue()))) {
				throw new BadInputException("“" + field.label() + "”在当前选择下不需要填写，请留空");
			}
		}
	}

	/** Refuses removing a variable that the form does not declare. */
	void checkRemovable(Iterable<String> names) {
		for (String name : names) {
			if (!fields.containsKey(name)) {
				throw new BadInputException("表单中没有“" + name + "”这一项，不能删除它");
			}
		}
	}

	/**
	 * The fields hidden by their conditions, in the form's order; a hidden field's value leaves the
	 * data the later conditions see, as in form-js.
	 */
	private Set<String> applyConditions(Map<String, Object> data) {
		Set<String> hidden = new HashSet<>();
		for (Field field : fields.values()) {
			if (field.hides().stream().anyMatch(hide -> isTrue(hide, data))) {
				hidden.add(field.key());
				data.remove(field.key());
			}
		}
		return hidden;
	}

	/** A condition that cannot be evaluated hides nothing: the field's rules then apply. */
	private static boolean isTrue(String expression, Map<String, Object> data) {
		try {
			return Boolean.TRUE.equals(FEEL.evaluateSimpleExpression(expression, Variables.fromMap(data).asVariableContext()));
		}
		catch (RuntimeException notEvaluable) {
			return false;
		}
	}

	private static void checkValue(Field field, Object value, Map<String, Object> data) {
		if (value == null) {
			return;
		}
		switch (field.type()) {
			case "checkbox" -> require(value instanceof Boolean, field, "只能是“是”或“否”");
			case "number" -> checkNumber(field, value, data);
			case "checklist", "taglist" -> {
				for (Object item : items(field, value)) {
					checkOption(field, item);
				}
			}
			case "datetime" -> checkDateTime(field, value);
			default -> require(value instanceof String, field, "应为文字");
		}
		if (value instanceof String text && !MULTIPLE.contains(field.type())) {
			checkOption(field, text);
			checkText(field, text, data);
		}
	}

	private static void checkNumber(Field field, Object value, Map<String, Object> data) {
		require(value instanceof Number, field, "应为数字");
		if (value instanceof Double number && (number.isNaN() || number.isInfinite())
				|| value instanceof Float single && (single.isNaN() || single.isInfinite())) {
			throw new BadInputException("“" + field.label() + "”应为数字");
		}
		BigDecimal number = new BigDecimal(value.toString());
		Integer digits = field.decimalDigits();
		if (digits != null && number.stripTrailingZeros().scale() > digits) {
			throw new BadInputException("“" + field.label() + "”" + (digits == 0 ? "应为整数" : "最多 " + digits + " 位小数"));
		}
		if (field.increment() != null && field.increment().signum() > 0
				&& number.remainder(field.increment()).signum() != 0) {
			throw new BadInputException("“" + field.label() + "”应为 " + plain(field.increment()) + " 的整数倍");
		}
		BigDecimal min = bound(field, "min", data);
		if (min != null && number.compareTo(min) < 0) {
			throw new BadInputException("“" + field.label() + "”不能小于 " + plain(min));
		}
		BigDecimal max = bound(field, "max", data);
		if (max != null && number.compareTo(max) > 0) {
			throw new BadInputException("“" + field.label() + "”不能大于 " + plain(max));
		}
	}

	private static void checkText(Field field, String text, Map<String, Object> data) {
		BigDecimal minLength = bound(field, "minLength", data);
		if (minLength != null && !text.isEmpty() && text.strip().length() < minLength.intValue()) {
			throw new BadInputException("“" + field.label() + "”至少 " + minLength.intValue() + " 个字");
		}
		BigDecimal maxLength = bound(field, "maxLength", data);
		if (maxLength != null && text.length() > maxLength.intValue()) {
			throw new BadInputException("“" + field.label() + "”最多 " + maxLength.intValue() + " 个字");
		}
		if (text.isEmpty()) {
			return;
		}
		String pattern = field.validate().path("pattern").asText("");
		if (!pattern.isEmpty() && !Pattern.compile(pattern).matcher(text).find()) {
			throw new BadInputException("“" + field.label() + "”的格式不正确");
		}
		switch (field.validate().path("validationType").asText("")) {
			case "email" -> require(EMAIL.matcher(text).matches(), field, "应为电子邮箱地址");
			case "phone" -> require(PHONE.matcher(text).matches(), field, "应为带国家代码的电话号码，如 +8613812345678");
			default -> {
				// no further rule
			}
		}
	}

	/**
	 * A value of the form's own options. Options a form takes from a variable ({@code valuesKey})
	 * are the application's offer, not the form's: the listener that made the offer checks the
	 * choice against it (the charge items), with its own words.
	 */
	private static void checkOption(Field field, Object value) {
		List<String> options = field.options();
		if (options == null || value instanceof String text && text.isEmpty()) {
			return;
		}
		if (!(value instanceof String) || !options.contains(value)) {
			throw new BadInputException("“" + field.label() + "”的值“" + value + "”不在可选项中");
		}
	}

	/** A date ({@code 2026-12-07}), a time or both, as form-js writes them, within a sane span of years. */
	private static void checkDateTime(Field field, Object value) {
		require(value instanceof String, field, "应为日期");
		String text = (String) value;
		if (text.isEmpty()) {
			return;
		}
		LocalDate date;
		try {
			date = switch (field.subtype()) {
				case "time" -> {
					parseTime(text);
					yield null;
				}
				case "datetime" -> parseDateTime(text);
				default -> LocalDate.parse(text);
			};
		}
		catch (DateTimeParseException ex) {
			throw new BadInputException("“" + field.label() + "”不是有效的" + ("time".equals(field.subtype()) ? "时间" : "日期"));
		}
		if (date == null) {
			return;
		}
		// the engine's today: the forms of the demo's past are checked against the day they were worked on
		LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
		if (date.isBefore(EARLIEST_DATE) || date.isAfter(today.plusYears(YEARS_AHEAD))) {
			throw new BadInputException("“" + field.label() + "”的日期不合理");
		}
		if (field.disallowPassedDates() && date.isBefore(today.minusDays(1))) {
			throw new BadInputException("“" + field.label() + "”不能早于今天");
		}
	}

	private static LocalDate parseDateTime(String text) {
		try {
			return OffsetDateTime.parse(text).toLocalDate();
		}
		catch (DateTimeParseException noOffset) {
			return LocalDateTime.parse(text.endsWith("Z") ? text.substring(0, text.length() - 1) : text).toLocalDate();
		}
	}

	private static void parseTime(String text) {
		try {
			OffsetTime.parse(text);
		}
		catch (DateTimeParseException noOffset) {
			LocalTime.parse(text.endsWith("Z") ? text.substring(0, text.length() - 1) : text);
		}
	}

	/** A rule's number, written in the form or as a FEEL expression over the data. */
	private static BigDecimal bound(Field field, String rule, Map<String, Object> data) {
		JsonNode node = field.validate().get(rule);
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isNumber()) {
			return node.decimalValue();
		}
		String text = node.asText().strip();
		if (text.startsWith("=")) {
			Object value;
			try {
				value = FEEL.evaluateSimpleExpression(text.substring(1), Variables.fromMap(data).asVariableContext());
			}
			catch (RuntimeException notEvaluable) {
				return null;
			}
			return value instanceof Number number ? new BigDecimal(number.toString()) : null;
		}
		return text.isEmpty() ? null : new BigDecimal(text);
	}

	/** The values of a checklist or taglist: a list, or the JSON array Tasklist sends. */
	private static List<?> items(Field field, Object value) {
		if (value instanceof Collection<?> collection) {
			return List.copyOf(collection);
		}
		try {
			JsonNode array = JSON.readTree(value.toString());
			if (array.isArray()) {
				List<Object> items = new ArrayList<>();
				array.forEach(item -> items.add(item.isTextual() ? item.asText() : item.toString()));
				return items;
			}
		}
		catch (IOException notJson) {
			// refused below
		}
		throw new BadInputException("“" + field.label() + "”应为可选项的列表");
	}

	private static void require(boolean condition, Field field, String expectation) {
		if (!condition) {
			throw new BadInputException("“" + field.label() + "”" + expectation);
		}
	}

	private static String plain(BigDecimal number) {
		return number.stripTrailingZeros().toPlainString();
	}

	private static Object unwrap(Object value) {
		return value instanceof TypedValue typed ? typed.getValue() : value;
	}

	/** Empty as form-js counts it for {@code required}: nothing, blank, no item, an unticked checkbox. */
	private static boolean isEmpty(Field field, Object value) {
		return value == null || value instanceof String text && text.isBlank()
				|| value instanceof Collection<?> items && items.isEmpty()
				|| "checkbox".equals(field.type()) && Boolean.FALSE.equals(value)
				|| MULTIPLE.contains(field.type()) && value instanceof String json && json.strip().equals("[]");
	}

}
