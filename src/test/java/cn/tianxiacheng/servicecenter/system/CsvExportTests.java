package cn.tianxiacheng.servicecenter.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CsvExportTests {

	@Test
	void shouldWriteCellsThatExcelWouldRunAsText() {
		List<Map<String, ?>> rows = List.of(Map.of("说明", "=HYPERLINK(\"http://x\")", "金额", new BigDecimal("-12.50")),
				Map.of("说明", "+1+2", "金额", BigDecimal.ONE), Map.of("说明", "-2+3", "金额", BigDecimal.ONE),
				Map.of("说明", "@SUM(A1)", "金额", BigDecimal.ONE), Map.of("说明", "\tcmd", "金额", BigDecimal.ONE),
				Map.of("说明", "\rcmd", "金额", BigDecimal.ONE), Map.of("说明", "3-2-1501 物业费", "金额", BigDecimal.ONE));

		String csv = new String(CsvExport.of("t.csv", List.of("说明", "金额"), rows).getBody(), StandardCharsets.UTF_8);

		assertThat(csv).contains("'=HYPERLINK", "'+1+2", "'-2+3", "'@SUM(A1)", "'\tcmd", "'\rcmd", "3-2-1501 物业费", "-12.50")
			.doesNotContain(",=", ",+", ",@", "\n=", "\n+", "\n@", "\n-2");
	}

}
