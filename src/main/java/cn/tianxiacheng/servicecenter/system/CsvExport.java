package cn.tianxiacheng.servicecenter.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.modulith.NamedInterface;

/**
 * A report as a CSV download that Excel opens in Chinese: UTF-8 with a byte order mark, a
 * header row of the given column names. A text cell that Excel would read as a formula (it
 * starts with {@code = + - @}, a tab or a carriage return) is written with a leading
 * apostrophe, so that it shows as text and runs nothing.
 */
@NamedInterface("csv")
public final class CsvExport {

	private static final CsvMapper MAPPER = new CsvMapper();

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private CsvExport() {
	}

	static Map<String, Object> neutralised(Map<String, ?> row) {
		Map<String, Object> safe = new LinkedHashMap<>();
		row.forEach((column, value) -> safe.put(column,
				value instanceof String text && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text
						: value));
		return safe;
	}

	/** Each row maps column names to values. */
	public static ResponseEntity<byte[]> of(String fileName, List<String> columns, List<Map<String, ?>> rows) {
		CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
		columns.forEach(schema::addColumn);
		try {
			byte[] csv = MAPPER.writer(schema.build()).writeValueAsBytes(rows.stream().map(CsvExport::neutralised).toList());
			byte[] body = new byte[BOM.length + csv.length];
			System.arraycopy(BOM, 0, body, 0, BOM.length);
			System.arraycopy(csv, 0, body, BOM.length, csv.length);
			return ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
				.body(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
