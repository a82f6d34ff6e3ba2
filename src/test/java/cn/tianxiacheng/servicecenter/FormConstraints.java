package cn.tianxiacheng.servicecenter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Every constraint a form of {@code forms/} declares, each with a submission that breaks only it:
 * a value just outside {@code min}/{@code max}, a fraction where {@code decimalDigits} asks for
 * fewer, one character over {@code maxLength}, a value off the {@code pattern} or the options, a
 * required field left out (a required checkbox unticked), an unparseable or absurd date, and a
 * value for a field its condition hides. Read from the {@code .form} files independently of the
 * application's checker; the hidden fields come from the forms' FEEL conditions, evaluated with
 * Camunda's FEEL engine over the submission, as form-js does.
 */
public final class FormConstraints {

	/** One broken constraint: the submission, the variables the task already holds, and the field's label. */
	public record Violation(String form, String key, String label, String constraint, Map<String, Object> submission,
			Map<String, Object> current) {

		@Override
		public String toString() {
			return form + " " + key + " " + constraint;
		}

	}

	/** A submission the form accepts, with the variables the task already holds. */
	public record Valid(String form, Map<String, Object> submission, Map<String, Object> current) {
	}

	private record Field(String key, String label, String type, String subtype, List<String> hides, JsonNode component) {

		JsonNode validate() {
			return component.path("validate");
		}

		List<String> options() {
			List<String> options = new ArrayList<>();
			component.path("values").forEach(option -> options.add(option.path("value").asText()));
			return options;
		}

		String valuesKey() {
			return component.path("valuesKey").asText(null);
		}

		Integer decimalDigits() {
			return component.hasNonNull("decimalDigits") ? component.get("decimalDigits").asInt() : null;
		}

	}

	public static final Path FORMS = Path.of("forms");

	/** The options offered through a {@code valuesKey} in the tests. */
	public static final List<Map<String, String>> OFFERED = List.of(Map.of("label", "一号项目", "value", "ITEM_ONE"),
			Map.of("label", "二号项目", "value", "ITEM_TWO"));

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final String form;

	private final List<Field> fields = new ArrayList<>();

	private FormConstraints(String form, JsonNode schema) {
		this.form = form;
		collect(schema.path("components"), List.of());
	}

	/** The forms of {@code forms/}, by their id (the file name without {@code .form}). */
	public static List<FormConstraints> all() {
		try (Stream<Path> files = Files.list(FORMS)) {
			return files.filter(file -> file.toString().endsWith(".form")).sorted().map(FormConstraints::read).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static FormConstraints of(String form) {
		return read(FORMS.resolve(form + ".form"));
	}

	private static FormConstraints read(Path file) {
		try {
			return new FormConstraints(file.getFileName().toString().replace(".form", ""), JSON.readTree(file.toFile()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String form() {
		return form;
	}

	/** The {@code min} and {@code max} of a number field, for the code that keeps the same limits. */
	public List<Integer> limits(String key) {
		JsonNode validate = fields.stream().filter(field -> field.key().equals(key)).findFirst().orElseThrow().validate();
		return List.of(validate.get("min").intValue(), validate.get("max").intValue());
	}

	/** The variables a task of this form holds before it is worked: the options its {@code valuesKey}s name. */
	public Map<String, Object> current() {
		Map<String, Object> current = new LinkedHashMap<>();
		fields.stream().filter(field -> field.valuesKey() != null).forEach(field -> current.put(field.valuesKey(), OFFERED));
		return current;
	}

	private void collect(JsonNode components, List<String> outer) {
		for (JsonNode component : components) {
			List<String> hides = new ArrayList<>(outer);
			String hide = component.path("conditional").path("hide").asText("");
			if (!hide.isBlank()) {
				hides.add(hide.substring(hide.startsWith("=") ? 1 : 0));
			}
			if (component.has("components")) {
				collect(component.path("components"), hides);
			}
			String type = component.path("type").asText();
			if (component.hasNonNull("key") && !Set.of("text", "html", "image", "spacer", "separator", "button", "iframe",
					"table", "documentPreview", "expression").contains(type)) {
				fields.add(new Field(component.get("key").asText(), component.path("label").asText(), type,
						component.path("subtype").asText(""), hides, component));
			}
		}
	}

	/** The accepted submissions: one for every combination of the answers that the conditions look at. */
	public List<Valid> valid() {
		return combinations().stream().map(answers -> new Valid(form, submission(answers), current())).toList();
	}

	/** Every constraint of the form, broken once, in a submission that is otherwise accepted. */
	public List<Violation> violations() {
		List<Violation> violations = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Map<String, Object> answers : combinations()) {
			Map<String, Object> valid = submission(answers);
			for (Field field : fields) {
				if (valid.containsKey(field.key()) || isHidden(field, answers)) {
					for (Violation violation : broken(field, valid, answers)) {
						if (seen.add(violation.toString())) {
							violations.add(violation);
						}
					}
				}
			}
		}
		return violations;
	}

	private List<Violation> broken(Field field, Map<String, Object> valid, Map<String, Object> answers) {
		List<Violation> broken = new ArrayList<>();
		if (!valid.containsKey(field.key())) {
			broken.add(with(field, "hidden", valid, validValue(field, answers)));
			return broken;
		}
		JsonNode validate = field.validate();
		if (validate.path("required").asBoolean(false)) {
			Map<String, Object> without = new LinkedHashMap<>(valid);
			if ("checkbox".equals(field.type())) {
				without.put(field.key(), false);
			}
			else {
				without.remove(field.key());
			}
			broken.add(new Violation(form, field.key(), field.label(), "required", without, current()));
		}
		Integer digits = field.decimalDigits();
		BigDecimal step = digits == null ? BigDecimal.ONE : BigDecimal.ONE.movePointLeft(digits);
		if ("number".equals(field.type())) {
			if (validate.has("min")) {
				broken.add(with(field, "min", valid, number(validate.get("min").decimalValue().subtract(step))));
			}
			if (validate.has("max")) {
				broken.add(with(field, "max", valid, number(validate.get("max").decimalValue().add(step))));
			}
			if (digits != null) {
				BigDecimal base = new BigDecimal(validValue(field, answers).toString());
				broken.add(with(field, "decimalDigits", valid, number(base.add(step.movePointLeft(1)))));
			}
			broken.add(with(field, "number", valid, "5"));
		}
		if (validate.has("maxLength")) {
			broken.add(with(field, "maxLength", valid, "字".repeat(validate.get("maxLength").asInt() + 1)));
		}
		if (validate.path("minLength").asInt(0) > 1) {
			broken.add(with(field, "minLength", valid, "字".repeat(validate.get("minLength").asInt() - 1)));
		}
		if (validate.hasNonNull("pattern") && !Pattern.compile(validate.get("pattern").asText()).matcher("格式不对").find()) {
			broken.add(with(field, "pattern", valid, "格式不对"));
		}
		if (!field.options().isEmpty()) {
			broken.add(with(field, "options", valid, "NOT_AN_OPTION"));
		}
		switch (field.type()) {
			case "checkbox" -> broken.add(with(field, "checkbox", valid, "是"));
			case "checklist", "taglist" -> broken.add(with(field, "items", valid, List.of("NOT_AN_OPTION")));
			case "datetime" -> {
				broken.add(with(field, "unparseable", valid, "2026-13-45"));
				broken.add(with(field, "absurd", valid, "datetime".equals(field.subtype()) ? "2999-01-01T10:00" : "2999-01-01"));
				if (field.component().path("disallowPassedDates").asBoolean(false)) {
					broken.add(with(field, "passed", valid, "datetime".equals(field.subtype())
							? LocalDate.now().minusDays(5) + "T10:00" : LocalDate.now().minusDays(5).toString()));
				}
			}
			default -> {
				// no rule of the kind
			}
		}
		return broken;
	}

	private Violation with(Field field, String constraint, Map<String, Object> valid, Object value) {
		Map<String, Object> submission = new LinkedHashMap<>(valid);
		submission.put(field.key(), value);
		return new Violation(form, field.key(), field.label(), constraint, submission, current());
	}

	/** The answers the conditions look at, in every combination, the other fields with one valid value. */
	private List<Map<String, Object>> combinations() {
		Set<String> named = new HashSet<>();
		fields.forEach(field -> field.hides().forEach(hide -> {
			Matcher name = NAME.matcher(hide.replaceAll("\"[^\"]*\"", ""));
			while (name.find()) {
				named.add(name.group());
			}
		}));
		List<Map<String, Object>> combinations = new ArrayList<>();
		combinations.add(new LinkedHashMap<>());
		for (Field field : fields) {
			List<Object> choices = named.contains(field.key()) ? choices(field) : List.of(validValue(field, Map.of()));
			List<Map<String, Object>> next = new ArrayList<>();
			for (Map<String, Object> combination : combinations) {
				for (Object choice : choices) {
					Map<String, Object> extended = new LinkedHashMap<>(combination);
					extended.put(field.key(), choice);
					next.add(extended);
				}
			}
			combinations = next;
		}
		return combinations;
	}

	private List<Object> choices(Field field) {
		List<Object> choices = new ArrayList<>();
		switch (field.type()) {
			case "checkbox" -> {
				choices.add(true);
				choices.add(false);
			}
			case "radio", "select" -> {
				choices.addAll(field.valuesKey() != null ? List.of(OFFERED.get(0).get("value")) : field.options());
				if (!field.validate().path("required").asBoolean(false)) {
					choices.add(null);
				}
			}
			case "number" -> {
				choices.add(validValue(field, Map.of()));
				BigDecimal one = BigDecimal.ONE;
				JsonNode validate = field.validate();
				if ((!validate.has("min") || validate.get("min").decimalValue().compareTo(one) <= 0)
						&& (!validate.has("max") || validate.get("max").decimalValue().compareTo(one) >= 0)) {
					choices.add(1);
				}
				if (!field.validate().path("required").asBoolean(false)) {
					choices.add(null);
				}
			}
			default -> choices.add(validValue(field, Map.of()));
		}
		return choices.stream().distinct().toList();
	}

	/** The values Tasklist would send for these answers: the shown fields only. */
	private Map<String, Object> submission(Map<String, Object> answers) {
		Map<String, Object> data = new LinkedHashMap<>(current());
		data.putAll(answers);
		Map<String, Object> submission = new LinkedHashMap<>();
		for (Field field : fields) {
			if (field.hides().stream().anyMatch(hide -> isTrue(hide, data))) {
				data.remove(field.key());
			}
			else if (answers.get(field.key()) != null) {
				submission.put(field.key(), answers.get(field.key()));
			}
		}
		return submission;
	}

	private boolean isHidden(Field field, Map<String, Object> answers) {
		Map<String, Object> data = new LinkedHashMap<>(current());
		data.putAll(answers);
		for (Field each : fields) {
			boolean hidden = each.hides().stream().anyMatch(hide -> isTrue(hide, data));
			if (each == field) {
				return hidden;
			}
			if (hidden) {
				data.remove(each.key());
			}
		}
		return false;
	}

	private static boolean isTrue(String expression, Map<String, Object> data) {
		return Boolean.TRUE.equals(FEEL.evaluateSimpleExpression(expression, Variables.fromMap(data).asVariableContext()));
	}

	private static Object validValue(Field field, Map<String, Object> answers) {
		JsonNode validate = field.validate();
		return switch (field.type()) {
			case "checkbox" -> true;
			case "number" -> {
				BigDecimal min = validate.has("min") ? validate.get("min").decimalValue() : BigDecimal.ZERO;
				BigDecimal max = validate.has("max") ? validate.get("max").decimalValue() : null;
				BigDecimal value = min.max(BigDecimal.ONE);
				yield number(max != null && value.compareTo(max) > 0 ? min : value);
			}
			case "radio", "select" ->
				field.valuesKey() != null ? OFFERED.get(0).get("value") : field.options().get(0);
			case "checklist", "taglist" -> List.of(field.options().get(0));
			case "datetime" -> "datetime".equals(field.subtype()) ? LocalDate.now().plusDays(2) + "T10:00"
					: LocalDate.now().plusDays(2).toString();
			default -> textFor(validate);
		};
	}

	private static String textFor(JsonNode validate) {
		String pattern = validate.path("pattern").asText("");
		for (String candidate : List.of("已办理", "1-1-101", "0", "12.50")) {
			if (pattern.isEmpty() || Pattern.compile(pattern).matcher(candidate).find()) {
				return candidate;
			}
		}
		throw new IllegalStateException("No sample text for the pattern " + pattern);
	}

	private static Object number(BigDecimal value) {
		return value.stripTrailingZeros().scale() <= 0 ? (Object) value.longValueExact() : value.doubleValue();
	}

}
