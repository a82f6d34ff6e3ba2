package cn.tianxiacheng.servicecenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
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

	/** A login id ({@code requestedBy}), a code ({@code kind}) or a link to JSON, where staff read a form's text. */
	private static final Pattern CODE_OR_JSON = Pattern.compile("\\{\\{(\\w*By|kind)}}|\\]\\(/api/");

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
	void everyTextShowsNamesWordsAndPages() throws IOException {
		File[] forms = new File("forms").listFiles((dir, name) -> name.endsWith(".form"));
		List<String> codes = new ArrayList<>();
		for (File form : forms) {
			codes.addAll(codesShown(form));
		}
		assertThat(codes).as("form texts showing a login id, a code or a link to the JSON API").isEmpty();
	}

	@Test
	void aLoginIdInAFormTextIsFound() throws IOException {
		assertThat(codesShown(new File("src/test/resources/broken-models/english.form")))
			.containsExactly("english.form: {{requestedBy}}", "english.form: {{kind}}", "english.form: ](/api/");
	}

	private static List<String> codesShown(File form) throws IOException {
		List<String> codes = new ArrayList<>();
		Matcher matcher = CODE_OR_JSON.matcher(Files.readString(form.toPath()));
		while (matcher.find()) {
			codes.add(form.getName() + ": " + matcher.group());
		}
		return codes;
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
