package cn.tianxiacheng.servicecenter.estate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiPredicate;

import javax.xml.parsers.ParserConfigurationException;

import cn.tianxiacheng.servicecenter.system.BadInputException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an Excel workbook (.xlsx) as the rows of text a CSV file would give
 * ({@link EstateCsv} checks them alike), read as a stream: a sheet of 20,000 lines is not held as a
 * workbook in memory. Excel turns what a person typed into numbers and dates; they are read back
 * as that text: a number as its shortest decimal (89.5, 1200, never 1.2E3 or 89.50000000001), a date
 * as 2026-12-07, or 2026-11 when its format shows no day (a 账期 typed as 2026-11).
 */
final class XlsxRows {

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] OLD_EXCEL = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 };

	/**
	 * The largest part of a workbook that is unpacked (a sheet of 20,000 lines is a few MB): a 10 MB
	 * upload may not unpack into a gigabyte in memory. POI holds the limit for the whole process; no
	 * other code here reads zips through it.
	 */
	private static final long LARGEST_PART = 32L * 1024 * 1024;

	static {
		ZipSecureFile.setMaxEntrySize(LARGEST_PART);
	}

	private static final String NOT_A_WORKBOOK = "文件不是有效的 Excel 工作簿（.xlsx）：请在 Excel 中“另存为”选择“Excel 工作簿”或“CSV UTF-8（逗号分隔）”后重新上传";

	private XlsxRows() {
	}

	/** Whether the file is a workbook (a zip, as .xlsx is) rather than text; an old .xls is refused. */
	static boolean isWorkbook(byte[] file) {
		if (startsWith(file, OLD_EXCEL)) {
			throw new BadInputException("旧版 Excel 文件（.xls）不能读取：请在 Excel 中“另存为”选择“Excel 工作簿（.xlsx）”后重新上传");
		}
		return startsWith(file, ZIP);
	}

	/** Each row of the first sheet that has a cell, with its row number, until {@code row} answers false. */
	static void read(byte[] file, BiPredicate<Integer, List<String>> row) {
		try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(file))) {
			XSSFReader reader = new XSSFReader(workbook);
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new BadInputException("Excel 工作簿中没有工作表");
			}
			XMLReader parser = XMLHelper.newXMLReader();
			parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(),
					new ReadOnlySharedStringsTable(workbook), new Cells(row), new TypedText(), false));
			try (InputStream first = sheets.next()) {
				parser.parse(new InputSource(first));
			}
		}
		catch (Stop enough) {
			// the rows said the file need not be read further
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException unreadable) {
			if (unreadable instanceof BadInputException refusal) {
				throw refusal;
			}
			throw new BadInputException(NOT_A_WORKBOOK);
		}
	}

	private static boolean startsWith(byte[] file, byte[] magic) {
		if (file.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (file[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

	/** A row's cells in column order, a cell left out being empty text. */
	private static final class Cells implements SheetContentsHandler {

		private final BiPredicate<Integer, List<String>> row;

		private List<String> values = new ArrayList<>();

		Cells(BiPredicate<Integer, List<String>> row) {
			this.row = row;
		}

		@Override
		public void startRow(int rowNum) {
			values = new ArrayList<>();
		}

		@Override
		public void cell(String cellReference, String formattedValue, XSSFComment comment) {
			int column = new CellReference(cellReference).getCol();
			while (values.size() < column) {
				values.add("");
			}
			values.add(formattedValue == null ? "" : formattedValue.strip());
		}

		@Override
		public void endRow(int rowNum) {
			if (!values.isEmpty() && !row.test(rowNum + 1, values)) {
				throw new Stop();
			}
		}

	}

	/** Numbers and dates as the text that was typed, not as the cell's format shows them. */
	private static final class TypedText extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				LocalDateTime at = DateUtil.getLocalDateTime(value);
				boolean showsDay = formatString.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase().contains("d");
				return showsDay ? at.toLocalDate().toString() : YearMonth.from(at).toString();
			}
			return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}

	}

	/** Thrown through the parser when the rows need no more. */
	private static final class Stop extends RuntimeException {

		Stop() {
			super(null, null, false, false);
		}

	}

}
