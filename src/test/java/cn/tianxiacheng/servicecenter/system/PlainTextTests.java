package cn.tianxiacheng.servicecenter.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlainTextTests {

	@Test
	void shouldRefuseControlAndInvisibleFormatCharactersButKeepLineBreaksAndEmoji() {
		assertThat(PlainText.isPlain("厨房漏水\r\n卫生间也漏\t急")).isTrue();
		assertThat(PlainText.isPlain("👨\u200D👩\u200D👧 一家三口")).as("emoji joined by ZWJ").isTrue();
		assertThat(PlainText.isPlain(null)).isTrue();
		for (String evil : new String[] { "王\u0000", "王\u202E", "\u2066王", "王\u0007", "王\u2028", "王\uFEFF", "王\uD800",
				"王\u007F", "王\u0085" }) {
			assertThat(PlainText.isPlain(evil)).as("U+%04X", (int) evil.charAt(evil.length() - 1)).isFalse();
		}
		assertThatThrownBy(() -> PlainText.check("contactName", "王\u0000先生")).isInstanceOf(BadInputException.class)
			.hasMessageContaining("contactName");
	}

	@Test
	void shouldKeepAnUploadsNameWithoutItsFolders() {
		assertThat(PlainText.fileName("../../etc/合影.png")).isEqualTo("合影.png");
		assertThat(PlainText.fileName("C:\\照片\\合影.png")).isEqualTo("合影.png");
		assertThat(PlainText.fileName("..")).isNull();
		assertThatThrownBy(() -> PlainText.fileName("合影\u0000.php.png")).isInstanceOf(BadInputException.class)
			.hasMessageContaining("文件名");
	}

	@Test
	void shouldKeepDatesBetween1900AndAHundredYearsAhead() {
		assertThat(SaneDates.isSane(java.time.LocalDate.of(1900, 1, 1))).isTrue();
		assertThat(SaneDates.isSane(java.time.LocalDate.of(1899, 12, 31))).isFalse();
		assertThat(SaneDates.isSane(java.time.LocalDate.of(339983, 1, 1))).isFalse();
		assertThat(SaneDates.isSane(java.time.LocalDate.now().plusYears(99))).isTrue();
	}

}
