package cn.tianxiacheng.servicecenter.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import cn.tianxiacheng.servicecenter.fee.LedgerReports;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Chinese name of a process variable, as staff know it: the label its form gives it, or the
 * name of a fact every case carries; and its value in words: an option's label, a group's name, a
 * person's name, a time in the estate's zone. The story shows these, not the stored ids and codes.
 */
@Component
class VariableLabels {

	private static final Map<String, String> CASE_FACTS = Map.ofEntries(Map.entry("caseNumber", "案件编号"),
			Map.entry("unitNumber", "房号"), Map.entry("unitId", "房屋"), Map.entry("category", "类别"),
			Map.entry("urgency", "紧急程度"), Map.entry("channel", "渠道"), Map.entry("description", "描述"),
			Map.entry("contactName", "联系人"), Map.entry("ownerNames", "业主"), Map.entry("registeredBy", "登记人"), Map.entry("department", "处理部门"),
			Map.entry("firstResponseMinutes", "首次响应时限（分钟）"), Map.entry("resolutionHours", "处理时限（小时）"),
			Map.entry("handler", "经办人"), Map.entry("hasCharges", "有收费项目"), Map.entry("caseBillTotal", "收费合计（元）"),
			Map.entry("caseType", "案件类型"), Map.entry("caseId", "案件"), Map.entry("opinion", "意见"),
			Map.entry("attempts", "联系次数"), Map.entry("satisfaction", "满意度"), Map.entry("visitsStarted", "发起的回访"),
			Map.entry("staffId", "员工"), Map.entry("post", "岗位"), Map.entry("startedBy", "发起人"),
			Map.entry("requestedBy", "申请人"), Map.entry("summary", "摘要"), Map.entry("appointmentLabel", "预约上门（显示用）"),
			Map.entry("urgencyLabel", "紧急程度（显示用）"), Map.entry("chargeItemOptions", "可选收费项目"),
			Map.entry("chargeItemPrices", "收费项目单价"),
			Map.entry("recentSteps", "最近办理经过"), Map.entry("detailsPath", "详情页面"));

	/** The values of the cases' own enums, which no form offers as options. */
	private static final Map<String, String> CASE_VALUES = Map.ofEntries(Map.entry("SERVICE_REQUEST", "报修"),
			Map.entry("COMPLAINT", "投诉"), Map.entry("URGENT", "紧急"), Map.entry("NORMAL", "一般"),
			Map.entry("PHONE", "电话"), Map.entry("VISIT", "来访"), Map.entry("APP", "手机APP"), Map.entry("WECHAT", "微信"),
			Map.entry("INSPECTION", "巡查"));

	/** Variables that hold a login id. */
	private static final Set<String> PEOPLE = Set.of("staffId", "handler", "assignee", "owner");

	private static final DateTimeFormatter CAMUNDA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");

	private final Map<String, String> labels = new HashMap<>(CASE_FACTS);

	private final Map<String, String> options = new HashMap<>();

	private final StaffNames staffNames;

	private final LedgerReports ledgerReports;

	private final DateTimeFormatter minutes;

	VariableLabels(StaffNames staffNames, LedgerReports ledgerReports, Clock clock) {
		this.staffNames = staffNames;
		this.ledgerReports = ledgerReports;
		this.minutes = MINUTES.withZone(clock.getZone());
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

	/** Every variable's label, by name. */
	Map<String, String> labels() {
		return Map.copyOf(labels);
	}

	/**
	 * Values in words: {@code variable=value} → an option's label, and a bare value → the word of a
	 * case's enum or a group's name.
	 */
	Map<String, String> values() {
		Map<String, String> words = new HashMap<>(options);
		words.putAll(CASE_VALUES);
		for (StaffGroup group : StaffGroup.values()) {
			words.put(group.id(), group.label());
		}
		return words;
	}

	/** The variable's label; one that no form or fact names is a 流程记录. */
	String of(String variable) {
		return labels.getOrDefault(variable, "流程记录");
	}

	/**
	 * The value as staff read it: its form's option (无法处理，升级给经理, not ESCALATE), a group's
	 * or a person's name, a fee item's name, a time to the minute in the estate's zone.
	 */
	String valueOf(String variable, Object value) {
		if (value instanceof Boolean yes) {
			return yes ? "是" : "否";
		}
		if (value instanceof Date date) {
			return minutes.format(date.toInstant());
		}
		String text = String.valueOf(value);
		if (variable != null && options.containsKey(variable + "=" + text)) {
			return options.get(variable + "=" + text);
		}
		if (ISO_TIME.matcher(text).matches()) {
			return time(text);
		}
		if (CASE_VALUES.containsKey(text)) {
			return CASE_VALUES.get(text);
		}
		if (!StaffGroup.labelOf(text).equals(text)) {
			return StaffGroup.labelOf(text);
		}
		if (variable != null && (PEOPLE.contains(variable) || variable.endsWith("By"))) {
			return staffNames.of(text);
		}
		if (variable != null && variable.startsWith("chargeCode")) {
			return ledgerReports.itemName(text).orElse(text);
		}
		return text;
	}

	/** A time kept as milliseconds since the epoch (the operation log's due dates). */
	String ofMillis(String millis) {
		try {
			return minutes.format(Instant.ofEpochMilli(Long.parseLong(millis)));
		}
		catch (NumberFormatException ex) {
			return millis;
		}
	}

	/** ISO with an offset, Camunda's {@code 2026-12-07T09:36:00.000+0800}, or the estate's local time. */
	private String time(String text) {
		for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME, CAMUNDA_TIME)) {
			try {
				return minutes.format(OffsetDateTime.parse(text, format).toInstant());
			}
			catch (DateTimeParseException other) {
				// the next format
			}
		}
		try {
			return LocalDateTime.parse(text).format(MINUTES);
		}
		catch (DateTimeParseException notATime) {
			return text;
		}
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
