package cn.tianxiacheng.servicecenter.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Why Jackson refused a request body, in a sentence that names the field. */
final class JsonRefusals {

	private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

	private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

	private JsonRefusals() {
	}

	static String describe(Throwable cause) {
		return "请求内容格式不正确：" + reason(cause);
	}

	/** Jackson may wrap a parser's refusal (a duplicate key, broken syntax) in a mapping exception with the path. */
	private static String reason(Throwable cause) {
		for (Throwable t = cause; t != null; t = t.getCause()) {
			Matcher duplicate = DUPLICATE.matcher(String.valueOf(t.getMessage()));
			if (duplicate.find()) {
				return "字段 " + duplicate.group(1) + " 出现了不止一次，每个字段只能填写一次";
			}
		}
		for (Throwable t = cause; t != null; t = t.getCause()) {
			if (t instanceof JsonParseException parse) {
				return "请求内容不是正确的 JSON（第 " + parse.getLocation().getLineNr() + " 行第 "
						+ parse.getLocation().getColumnNr() + " 列）";
			}
		}
		if (!(cause instanceof JsonMappingException mapping)) {
			return "请求内容为空或格式不正确，请以 JSON 格式发送";
		}
		String field = field(mapping);
		if (mapping instanceof UnrecognizedPropertyException unknown) {
			return "未知字段 " + unknown.getPropertyName() + "，请删除后重试";
		}
		if (CHINESE.matcher(String.valueOf(mapping.getOriginalMessage())).find()) {
			return "字段 " + field + " " + mapping.getOriginalMessage();
		}
		if (mapping instanceof InvalidFormatException || mapping instanceof MismatchedInputException) {
			Class<?> type = ((MismatchedInputException) mapping).getTargetType();
			return "字段 " + field + " 的值格式不正确" + expected(type);
		}
		return "字段 " + field + " 的值不正确";
	}

	private static String field(JsonMappingException mapping) {
		String path = mapping.getPath()
			.stream()
			.map(reference -> reference.getFieldName() != null ? reference.getFieldName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
		return path.isEmpty() ? "（请求内容）" : path;
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class) {
			return "，应为整数";
		}
		if (type == BigDecimal.class || type == Double.class || type == double.class) {
			return "，应为数字";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "，应为 true 或 false";
		}
		if (type == LocalDate.class) {
			return "，应为日期，如 2026-12-01";
		}
		if (type == LocalDateTime.class) {
			return "，应为日期和时间，如 2026-12-01T09:30";
		}
		if (type.isEnum()) {
			return "，可选值：" + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining("、"));
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "，应为列表";
		}
		if (type == String.class) {
			return "，应为文字";
		}
		return "";
	}

}
