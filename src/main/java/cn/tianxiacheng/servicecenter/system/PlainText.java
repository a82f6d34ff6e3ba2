package cn.tianxiacheng.servicecenter.system;

import org.springframework.modulith.NamedInterface;

/**
 * What a name or a free text may hold: printable characters, and tab and line breaks. Control
 * characters (U+0000 breaks PostgreSQL, others break exports), invisible format characters such
 * as the bidi override U+202E (which makes a name read backwards), line and paragraph separators
 * and lone surrogates are refused wherever text comes in: {@code /api} JSON, the pages' form
 * fields, the engine's task forms and comments, uploaded file names.
 */
@NamedInterface("pages")
public final class PlainText {

	private static final int ZERO_WIDTH_JOINER = 0x200D;

	private PlainText() {
	}

	/** Refuses (400, naming the field) a text with a character that has no place in it. */
	public static void check(String field, String value) {
		if (!isPlain(value)) {
			throw new BadInputException(refusal(field));
		}
	}

	static final String BAD_FILE_NAME = "文件名含有不可见的控制字符（如 U+0000），请重命名后再上传";

	static final String REFUSAL = "含有不可见的控制字符（如 U+0000、U+202E），请删除后重新填写";

	static String refusal(String field) {
		return "“" + field + "”" + REFUSAL;
	}

	/**
	 * An uploaded file's name as it is kept: without the folders a browser or a script put before
	 * it ({@code ../../etc/x.jpg}, {@code C:\\照片\\x.jpg}); a name with control characters is refused.
	 */
	public static String fileName(String original) {
		if (!isPlain(original)) {
			throw new BadInputException(BAD_FILE_NAME);
		}
		if (original == null) {
			return null;
		}
		String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
		return name.isEmpty() || name.equals(".") || name.equals("..") ? null : name;
	}

	public static boolean isPlain(String value) {
		if (value == null) {
			return true;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				if (Character.getType(value.codePointAt(i)) == Character.FORMAT) {
					return false;
				}
				i++;
				continue;
			}
			if (!allowed(c)) {
				return false;
			}
		}
		return true;
	}

	private static boolean allowed(char c) {
		if (c == '\t' || c == '\n' || c == '\r' || c == ZERO_WIDTH_JOINER) {
			return true;
		}
		return switch (Character.getType(c)) {
			case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
					Character.PARAGRAPH_SEPARATOR -> false;
			default -> true;
		};
	}

}
