package cn.tianxiacheng.servicecenter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Excel workbooks (.xlsx) as a person leaves them after typing: text stays text, numbers typed are
 * number cells (89.5, 13812345678), a date typed is a date cell in Excel's date format, a month
 * typed (2026-11) a date cell in Excel's month format ({@code mmm-yy}); an empty value is no cell.
 */
public final class Workbooks {

	private Workbooks() {
	}

	/** The rows on the first sheet (a second sheet that must not be read follows it). */
	public static byte[] xlsx(List<List<Object>> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("导入");
			CellStyle day = workbook.createCellStyle();
			day.setDataFormat((short) 14); // m/d/yy: what Excel shows a typed date in
			CellStyle month = workbook.createCellStyle();
			month.setDataFormat((short) 17); // mmm-yy: what Excel makes of a typed 2026-11
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				List<Object> values = rows.get(r);
				for (int c = 0; c < values.size(); c++) {
					Object value = values.get(c);
					if (value instanceof Number number) {
						row.createCell(c).setCellValue(number.doubleValue());
					}
					else if (value instanceof LocalDate date) {
						row.createCell(c).setCellValue(date);
						row.getCell(c).setCellStyle(day);
					}
					else if (value instanceof YearMonth yearMonth) {
						row.createCell(c).setCellValue(yearMonth.atDay(1));
						row.getCell(c).setCellStyle(month);
					}
					else if (value != null && !value.toString().isEmpty()) {
						row.createCell(c).setCellValue(value.toString());
					}
				}
			}
			workbook.createSheet("说明").createRow(0).createCell(0).setCellValue("此表不导入");
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
