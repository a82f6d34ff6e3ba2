package cn.tianxiacheng.servicecenter.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import cn.tianxiacheng.servicecenter.Workbooks;
import cn.tianxiacheng.servicecenter.estate.EstateCsv.Contents;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import org.junit.jupiter.api.Test;

/** The estate file as Excel saves it, and as people get it wrong. */
class EstateCsvTests {

	private static final String HEADER = "楼栋号,楼栋名称,单元数,楼层数,房号,单元,楼层,建筑面积,类型\r\n";

	@Test
	void shouldReadExcelsUtf8WithItsByteOrderMarkAndColumnsInAnyOrder() {
		String file = "\uFEFF类型,房号,楼栋号,楼栋名称,单元数,楼层数,单元,楼层,建筑面积\r\n"
				+ "住宅,9-1-101,9,九号楼,2,18,1,1,89.5\r\n" + "商铺,9-2-101,9,九号楼,2,18,2,1,120.25\r\n\r\n";

		Contents contents = EstateCsv.read(file.getBytes(StandardCharsets.UTF_8));

		assertThat(contents.buildings()).containsOnlyKeys(9);
		assertThat(contents.buildings().get(9).name()).isEqualTo("九号楼");
		assertThat(contents.units()).extracting(EstateCsv.UnitRow::number).containsExactly("9-1-101", "9-2-101");
		assertThat(contents.units().get(0).areaM2()).isEqualTo(new BigDecimal("89.50"));
		assertThat(contents.units().get(1).type()).isEqualTo(UnitType.SHOP);
	}

	@Test
	void shouldNameEveryBadLineAndColumn() {
		String file = HEADER + "9,九号楼,2,18,9-1-101,1,1,89.50,住宅\r\n" // line 2: good
				+ "9,九号楼,2,18,9-1-102,1,1,0,住宅\r\n" // line 3: no area
				+ "9,九号楼,2,18,9-1-101,3,1,89.501,别墅\r\n" // line 4: repeated number, entrance 3 of 2, 3 decimals, type
				+ "9,9号楼,2,18,9-1-103,1,1,89.50,住宅\r\n" // line 5: another name for building 9
				+ "10,九号楼,1,6,10-1-101,1,7,1e3,住宅\r\n"; // line 6: name of building 9, floor 7 of 6, area as 1e3

		assertThatThrownBy(() -> EstateCsv.read(file.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("未导入任何内容")
			.hasMessageContaining("第 3 行，建筑面积：“0”应为大于 0 的平方米数")
			.hasMessageContaining("第 4 行，房号：9-1-101 与第 2 行重复")
			.hasMessageContaining("第 4 行，单元：3 大于该楼栋的单元数 2")
			.hasMessageContaining("第 4 行，建筑面积：“89.501”")
			.hasMessageContaining("第 4 行，类型：“别墅”应为 住宅、复式住宅、商铺 之一")
			.hasMessageContaining("第 5 行，楼栋名称：与第 2 行同一楼栋（9）的“九号楼”不一致")
			.hasMessageContaining("第 6 行，楼栋名称：“九号楼”已是第 2 行另一楼栋的名称")
			.hasMessageContaining("第 6 行，楼层：7 大于该楼栋的楼层数 6")
			.hasMessageContaining("第 6 行，建筑面积：“1e3”")
			.message()
			.doesNotContain("第 2 行，");
	}

	@Test
	void shouldCountLinesAsTheFileHasThemWithALineBreakInsideQuotes() {
		String file = HEADER + "9,\"九号\n楼\",2,18,9-1-101,1,1,89.50,住宅\r\n" + "9,\"九号\n楼\",2,18,9-1-102,1,1,-5,住宅\r\n";

		assertThatThrownBy(() -> EstateCsv.read(file.getBytes(StandardCharsets.UTF_8)))
			.hasMessageContaining("第 4 行，建筑面积：“-5”");
	}

	@Test
	void shouldIgnoreAnEmptyLastColumnAndRefuseAValueBeyondTheColumns() {
		String file = HEADER.replace("\r\n", ",\r\n") + "9,九号楼,2,18,9-1-101,1,1,89.50,住宅,\r\n"
				+ "9,九号楼,2,18,9-1-102,1,1,89.50,住宅,多余\r\n";

		assertThatThrownBy(() -> EstateCsv.read(file.getBytes(StandardCharsets.UTF_8)))
			.hasMessageContaining("文件有 1 处问题")
			.hasMessageContaining("第 3 行，列数：有 10 列，多于列名的 9 列");
	}

	@Test
	void shouldRefuseAFileExcelSavedInGbk() {
		byte[] gbk = (HEADER + "9,九号楼,2,18,9-1-101,1,1,89.50,住宅\r\n").getBytes(Charset.forName("GBK"));

		assertThatThrownBy(() -> EstateCsv.read(gbk)).isInstanceOf(BadInputException.class)
			.hasMessageContaining("不是 UTF-8 编码");
	}

	@Test
	void shouldRefuseMissingOrUnknownColumnsAndAnEmptyFile() {
		assertThatThrownBy(() -> EstateCsv.read("楼栋号,楼栋名称,单元数,楼层数,房号,单元,楼层,面积,类型\n".getBytes(StandardCharsets.UTF_8)))
			.hasMessageContaining("第 1 行，列名：“面积”不是可导入的列")
			.hasMessageContaining("缺少 建筑面积");
		assertThatThrownBy(() -> EstateCsv.read(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }))
			.hasMessageContaining("文件是空的");
		assertThatThrownBy(() -> EstateCsv.read(HEADER.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("没有房屋");
	}

	@Test
	void shouldListAHundredProblemsAndCountTheRest() {
		StringBuilder file = new StringBuilder(HEADER);
		for (int i = 1; i <= 150; i++) {
			file.append("9,九号楼,2,18,9-1-").append(100 + i).append(",1,1,0,住宅\r\n");
		}

		assertThatThrownBy(() -> EstateCsv.read(file.toString().getBytes(StandardCharsets.UTF_8)))
			.hasMessageContaining("文件有 150 处问题")
			.hasMessageContaining("第 101 行，")
			.hasMessageContaining("……另有 50 处问题未列出")
			.message()
			.doesNotContain("第 102 行，");
	}


	@Test
	void shouldReadTheFirstSheetOfAWorkbookAsTheTextThatWasTyped() {
		byte[] workbook = Workbooks.xlsx(List.of(List.of((Object[]) HEADER.strip().split(",")),
				Arrays.asList(9, "九号楼", 2, 18, "9-1-101", 1, 1, 89.5, "住宅"), List.of(),
				Arrays.asList(9, "九号楼", 2, 18, "9-2-1501", 2, 15, 120.25, "商铺")));

		Contents contents = EstateCsv.read(workbook);

		assertThat(contents.buildings()).containsOnlyKeys(9);
		assertThat(contents.units()).extracting(EstateCsv.UnitRow::line).as("the rows as Excel numbers them")
			.containsExactly(2, 4);
		assertThat(contents.units()).extracting(EstateCsv.UnitRow::number).containsExactly("9-1-101", "9-2-1501");
		assertThat(contents.units()).extracting(EstateCsv.UnitRow::areaM2)
			.containsExactly(new BigDecimal("89.50"), new BigDecimal("120.25"));
	}

	@Test
	void shouldNameTheBadRowOfAWorkbookAsOfACsvFile() {
		byte[] workbook = Workbooks.xlsx(List.of(List.of((Object[]) HEADER.strip().split(",")),
				Arrays.asList(9, "九号楼", 2, 18, "9-1-101", 1, 1, 89.505, "住宅"),
				Arrays.asList(9, "九号楼", 2, 18, "9-1-201", 1, 2, 89.5, null)));

		assertThatThrownBy(() -> EstateCsv.read(workbook)).isInstanceOf(BadInputException.class)
			.hasMessageContaining("第 2 行，建筑面积：“89.505”应为大于 0 的平方米数")
			.hasMessageContaining("第 3 行，类型：未填写");
	}

	@Test
	void shouldRefuseAFileThatIsNeitherAWorkbookNorCsv() {
		byte[] oldExcel = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0 };
		byte[] notAWorkbook = { 'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0 };
		byte[] picture = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, (byte) 0xFF, (byte) 0xFE };

		assertThatThrownBy(() -> EstateCsv.read(oldExcel)).isInstanceOf(BadInputException.class)
			.hasMessageContaining("旧版 Excel 文件（.xls）不能读取");
		assertThatThrownBy(() -> EstateCsv.read(notAWorkbook)).isInstanceOf(BadInputException.class)
			.hasMessageContaining("文件不是有效的 Excel 工作簿（.xlsx）");
		assertThatThrownBy(() -> EstateCsv.read(picture)).isInstanceOf(BadInputException.class)
			.hasMessageContaining("既不是 Excel 工作簿（.xlsx），也不是 UTF-8 编码的 CSV");
	}


	@Test
	void shouldRefuseAWorkbookThatUnpacksIntoMoreThanItCouldHold() throws IOException {
		byte[] workbook = Workbooks.xlsx(List.of(List.of((Object[]) HEADER.strip().split(",")),
				Arrays.asList(9, "九号楼", 2, 18, "9-1-101", 1, 1, 89.5, "住宅")));
		ByteArrayOutputStream padded = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
				ZipOutputStream out = new ZipOutputStream(padded)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				String part = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					// a valid sheet of 40 MB: a comment of random letters, which pack only about 1.6 to 1
					int body = part.indexOf("?>") + 2;
					out.write(part.substring(0, body).getBytes(StandardCharsets.UTF_8));
					out.write("<!--".getBytes(StandardCharsets.UTF_8));
					byte[] letters = new byte[1024 * 1024];
					Random random = new Random(7);
					for (int megabytes = 0; megabytes < 40; megabytes++) {
						for (int i = 0; i < letters.length; i++) {
							letters[i] = (byte) ('a' + random.nextInt(26));
						}
						out.write(letters);
					}
					out.write(("-->" + part.substring(body)).getBytes(StandardCharsets.UTF_8));
				}
				else {
					out.write(part.getBytes(StandardCharsets.UTF_8));
				}
				out.closeEntry();
			}
		}

		assertThatThrownBy(() -> EstateCsv.read(padded.toByteArray())).isInstanceOf(BadInputException.class)
			.hasMessageContaining("文件不是有效的 Excel 工作簿");
	}

}
