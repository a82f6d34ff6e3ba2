package cn.tianxiacheng.servicecenter.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The input fields a deployed Camunda Form declares, with the rules its editor set: what a
 * task or a start event accepts. A variable that no field of the form declares is refused (400),
 * and so is a value outside the field's options, of the wrong kind, too long, or a required
 * field left empty. Read from the form itself, so a new form needs no code.
 */
final class FormFields {

	/** Components that show something and take no input. */
	private static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "image", "spacer", "separator", "button",
			"iframe", "table", "documentPreview", "expression");

	static final FormFields NONE = new FormFields(Map.of());

	private static final ObjectMapper JSON = new ObjectMapper();

	record Field(String key, String label, String type, boolean required, boolean conditional, List<String> options,
			Integer maxLength, Pattern pattern) {
	}

	private final Map<String, Field> fields;

	private FormFields(Map<String, Field> fields) {
		this.fields = fields;
	}

	static FormFields parse(InputStream form) {
		try (form) {
			Map<String, Field> fields = new LinkedHashMap<>();
			collect(JSON.readTree(form).path("components"), false, fields);
			return new FormFields(fields);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A deployed form could not be read", ex);
		}
	}

	private static void collect(JsonNode components, boolean insideConditional, Map<String, Field> fields) {
		for (JsonNode component : components) {
			boolean conditional = insideConditional || component.has("conditional");
			String type = component.path("type").asText();
			if (component.has("components")) {
				collect(component.path("components"), conditional, fields);
			}
			if (!component.hasNonNull("key") || DISPLAY_ONLY.contains(type)) {
				continue;
			}
			String key = component.get("key").asText();
			JsonNode validate = component.path("validate");
			List<String> options = null;
			if (component.has("values")) {
				options = new ArrayList<>();
				for (JsonNode option : component.get("values")) {
					options.add(option.path("value").asText());
				}
			}
			fields.put(key,
					new Field(key, component.path("label").asText(key), type, validate.path("required").asBoolean(false),
							conditional, options, validate.has("maxLength") ? validate.get("maxLength").asInt() : null,
							validate.hasNonNull("pattern") ? Pattern.compile(validate.get("pattern").asText()) : null));
		}
	}

	/**
	 * Refuses (400, naming the field) variables the form does not declare or whose values break
	 * its rules; on a submission, also a required field left empty.
	 */
	void check(Map<String, ?> variables, boolean submission) {
		for (Map.Entry<String, ?> variable : variables.entrySet()) {
			Field field = fields.get(variable.getKey());
			if (field == null) {
				throw new BadInputException("表单中没有“" + variable.getKey() + "”这一项，不能提交它");
			}
			checkValue(field, unwrap(variable.getValue()));
		}
		if (submission) {
			for (Field field : fields.values()) {
				if (field.required() && !field.conditional() && isEmpty(unwrap(variables.get(field.key())))) {
					throw new BadInputException("请填写“" + field.label() + "”");
				}
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

	private static void checkValue(Field field, Object value) {
		if (value == null) {
			return;
		}
		switch (field.type()) {
			case "checkbox" -> require(value instanceof Boolean, field, "只能是“是”或“否”");
			case "number" -> require(value instanceof Number, field, "应为数字");
			case "checklist", "taglist" -> {
				// several values: Tasklist sends them as JSON; what they hold is the listeners' to check
			}
			default -> require(value instanceof String, field, "应为文字");
		}
		if (value instanceof String text) {
			if (field.options() != null && !field.options().isEmpty() && !text.isEmpty()
					&& !field.options().contains(text)) {
				throw new BadInputException("“" + field.label() + "”的值“" + text + "”不在可选项中");
			}
			if (field.maxLength() != null && text.length() > field.maxLength()) {
				throw new BadInputException("“" + field.label() + "”最多 " + field.maxLength() + " 个字");
			}
			if (field.pattern() != null && !text.isEmpty() && !field.pattern().matcher(text).matches()) {
				throw new BadInputException("“" + field.label() + "”的格式不正确");
			}
		}
	}

	private static void require(boolean condition, Field field, String expectation) {
		if (!condition) {
			throw new BadInputException("“" + field.label() + "”" + expectation);
		}
	}

	private static Object unwrap(Object value) {
		return value instanceof TypedValue typed ? typed.getValue() : value;
	}

	private static boolean isEmpty(Object value) {
		return value == null || (value instanceof String text && text.isBlank());
	}

}
