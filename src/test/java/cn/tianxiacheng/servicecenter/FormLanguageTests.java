package cn.tianxiacheng.servicecenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The staff read every form in Chinese: each label, option, description and text of every file in
 * {@code forms/} has Chinese characters (a placeholder-only text like {@code {{recentSteps}}} aside).
 * Checked on a deliberately English form too, so that the check can fail.
 */
class FormLanguageTests {

	private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

	private static final Pattern ONLY_PLACEHOLDERS = Pattern.compile("(\\s*\\{\\{[^}]+}}\\s*)+");

	private static final List<String> SHOWN = List.of("label", "description", "text");

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void everyFormSpeaksChinese() throws IOException {
		File[] forms = new File("forms").listFiles((dir, name) -> name.endsWith(".form"));
		assertThat(forms).isNotEmpty();
		List<String> english = new ArrayList<>();
		for (File form : forms) {
			english.addAll(notChinese(form));
		}
		assertThat(english).as("texts of forms/ the staff would read in English").isEmpty();
	}

	@Test
	void anEnglishFormIsFound() throws IOException {
		assertThat(notChinese(new File("src/test/resources/broken-models/english.form")))
			.containsExactlyInAnyOrder("english.form: Field_decision label \"Decision\"",
					"english.form: Field_decision label \"Approve\"", "english.form: Field_opinion description \"No phone numbers\"");
	}

	private List<String> notChinese(File form) throws IOException {
		List<String> english = new ArrayList<>();
		collect(form.getName(), "", json.readTree(form), english);
		return english;
	}

	private void collect(String form, String component, JsonNode node, List<String> english) {
		if (node.isArray()) {
			node.forEach(child -> collect(form, component, child, english));
			return;
		}
		if (!node.isObject()) {
			return;
		}
		String id = node.hasNonNull("id") ? node.get("id").asText() : component;
		for (String key : SHOWN) {
			JsonNode value = node.get(key);
			if (value != null && value.isTextual() && !value.asText().isBlank() && !CHINESE.matcher(value.asText()).find()
					&& !ONLY_PLACEHOLDERS.matcher(value.asText()).matches()) {
				english.add(form + ": " + id + " " + key + " \"" + value.asText() + "\"");
			}
		}
		Arrays.asList("components", "values").forEach(children -> {
			if (node.has(children)) {
				collect(form, id, node.get(children), english);
			}
		});
	}

}
