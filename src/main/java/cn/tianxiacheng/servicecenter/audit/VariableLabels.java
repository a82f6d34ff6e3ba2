package cn.tianxiacheng.servicecenter.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Chinese name of a process variable, as staff know it: the label its form gives it, or the
 * name of a fact every case carries. The story shows these, not the variables' English ids.
 */
@Component
class VariableLabels {

	private static final Map<String, String> CASE_FACTS = Map.ofEntries(Map.entry("caseNumber", "案件编号"),
			Map.entry("unitNumber", "房号"), Map.entry("unitId", "房屋"), Map.entry("category", "类别"),
			Map.entry("urgency", "紧急程度"), Map.entry("channel", "渠道"), Map.entry("description", "描述"),
			Map.entry("contactName", "联系人"), Map.entry("ownerNames", "业主"), Map.entry("registeredBy", "登记人"), Map.entry("department", "处理部门"),
			Map.entry("firstResponseMinutes", "首次响应时限（分钟）"), Map.entry("resolutionHours", "处理时限（小时）"),
			Map.entry("handler", "经办人"), Map.entry("hasCharges", "有收费项目"), Map.entry("caseBillTotal", "收费合计（元）"),
			Map.entry("caseType", "案件类型"), Map.entry("caseId", "案件"), Map.entry("opinion", "意见"));

	private final Map<String, String> labels = new HashMap<>(CASE_FACTS);

	private final Map<String, String> options = new HashMap<>();

	VariableLabels() {
		ObjectMapper json = new ObjectMapper();
		try {
			for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
				try (InputStream in = form.getInputStream()) {
					collect(json.readTree(in).path("components"));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The forms' labels could not be read", ex);
		}
	}

	String of(String variable) {
		return labels.getOrDefault(variable, variable);
	}

	/** The value as its form's option shows it (无法处理，升级给经理, not ESCALATE), or the value itself. */
	String valueOf(String variable, Object value) {
		String text = String.valueOf(value);
		if (value instanceof Boolean yes) {
			return yes ? "是" : "否";
		}
		return options.getOrDefault(variable + "=" + text, text);
	}

	private void collect(JsonNode components) {
		for (JsonNode component : components) {
			if (component.hasNonNull("key") && component.hasNonNull("label")) {
				labels.putIfAbsent(component.get("key").asText(), component.get("label").asText());
				for (JsonNode option : component.path("values")) {
					options.putIfAbsent(component.get("key").asText() + "=" + option.path("value").asText(),
							option.path("label").asText());
				}
			}
			collect(component.path("components"));
		}
	}

}
