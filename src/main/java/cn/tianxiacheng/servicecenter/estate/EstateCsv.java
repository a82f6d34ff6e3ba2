package cn.tianxiacheng.servicecenter.estate;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.PlainText;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/**
 * An estate's buildings and units from a CSV file as Excel saves it ("CSV UTF-8", with or without
 * the byte order mark) or from an Excel workbook's first sheet ({@link XlsxRows}): a header line of
 * the Chinese column names in any order, then one unit a line; the households' files
 * ({@link HouseholdCsv}) and the fee module's opening balances are read the same way
 * ({@link #read(byte[], List, String, String, Consumer)}). Every problem of every line is found
 * before anything is written, named by its line and column; a file with any problem imports nothing.
 */
public final class EstateCsv {

	static final String BUILDING_NUMBER = "楼栋号";

	static final String BUILDING_NAME = "楼栋名称";

	static final String ENTRANCES = "单元数";

	static final String FLOORS = "楼层数";

	static final String UNIT_NUMBER = "房号";

	static final String ENTRANCE = "单元";

	static final String FLOOR = "楼层";

	static final String AREA = "建筑面积";

	static final String TYPE = "类型";

	static final List<String> COLUMNS = List.of(BUILDING_NUMBER, BUILDING_NAME, ENTRANCES, FLOORS, UNIT_NUMBER, ENTRANCE,
			FLOOR, AREA, TYPE);

	/** Problems listed in one answer; a file wrong on every line says how many more there are. */
	private static final int LISTED_PROBLEMS = 100;

	public static final int MAX_ROWS = 20_000;

	private static final BigDecimal MAX_AREA = new BigDecimal("99999.99");

	private static final Pattern WHOLE = Pattern.compile("\\d{1,6}");

	private static final Pattern DECIMAL = Pattern.compile("\\d{1,6}(\\.\\d+)?");

	private static final Pattern ANY = Pattern.compile(".*");

	private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");

	private static final CsvMapper MAPPER = new CsvMapper();

	/** A building as the file describes it, on the line that first names it. */
	record BuildingRow(int line, int number, String name, int entrances, int floors) {
	}

	/** A unit of the file, on its line. */
	record UnitRow(int line, int building, String number, int entrance, int floor, BigDecimal areaM2, UnitType type) {
	}

	/** What the file holds: its buildings by number and its units, in the file's order. */
	record Contents(Map<Integer, BuildingRow> buildings, List<UnitRow> units) {
	}

	private final List<String> columns;

	private final List<String> problems = new ArrayList<>();

	private Map<String, Integer> header;

	private int rows;

	/** Whether the reading stopped early: the header was wrong, the file too long or not CSV. */
	private boolean stopped;

	private EstateCsv(List<String> columns) {
		this.columns = columns;
	}

	/** The file's buildings and units, or a refusal listing every problem with its line and column. */
	static Contents read(byte[] file) {
		EstateCsv csv = new EstateCsv(COLUMNS);
		Map<Integer, BuildingRow> buildings = new LinkedHashMap<>();
		List<UnitRow> units = new ArrayList<>();
		Map<String, Integer> unitLines = new HashMap<>();
		Map<String, Integer> buildingNames = new HashMap<>();
		csv.lines(file, "一次最多导入 " + MAX_ROWS + " 套房屋，请分栋导入", "文件只有列名，没有房屋",
				row -> csv.unit(row, buildings, units, unitLines, buildingNames));
		if (!csv.problems.isEmpty()) {
			throw new BadInputException(refusal(csv.problems));
		}
		return new Contents(buildings, units);
	}

	/**
	 * Reads a file of these columns the same way: each data line goes to {@code row}, which refuses
	 * what is wrong in it through its {@link Line}. The problems of the file, in the order of its lines.
	 */
	public static List<String> read(byte[] file, List<String> columns, String tooMany, String noRows,
			Consumer<Line> row) {
		EstateCsv csv = new EstateCsv(columns);
		csv.lines(file, tooMany, noRows, row);
		return csv.problems;
	}

	/** The refusal of a file with problems: the first {@link #LISTED_PROBLEMS}, one a line. */
	public static String refusal(List<String> problems) {
		String listed = problems.stream().limit(LISTED_PROBLEMS).collect(Collectors.joining("\n"));
		String more = problems.size() > LISTED_PROBLEMS ? "\n……另有 " + (problems.size() - LISTED_PROBLEMS) + " 处问题未列出" : "";
		return "文件有 " + problems.size() + " 处问题，未导入任何内容，请改正后重新上传：\n" + listed + more;
	}

	public static String problem(int line, String column, String what) {
		return "第 " + line + " 行，" + column + "：" + what;
	}

	private static String text(byte[] file) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException notUtf8) {
			throw new BadInputException(
					"文件既不是 Excel 工作簿（.xlsx），也不是 UTF-8 编码的 CSV：请在 Excel 中“另存为”选择“Excel 工作簿”或“CSV UTF-8（逗号分隔）”后重新上传");
		}
	}

	private void lines(byte[] file, String tooMany, String noRows, Consumer<Line> each) {
		BiPredicate<Integer, List<String>> row = (line, values) -> row(line, values, tooMany, each);
		if (XlsxRows.isWorkbook(file)) {
			XlsxRows.read(file, row);
		}
		else {
			csvRows(text(file), row);
		}
		if (stopped) {
			return;
		}
		if (header == null) {
			problems.add("文件是空的：第 1 行应为列名 " + String.join(",", columns));
		}
		else if (rows == 0) {
			problems.add(noRows);
		}
	}

	/** One row of the file, CSV or workbook alike; false once the rest of the file need not be read. */
	private boolean row(int line, List<String> values, String tooMany, Consumer<Line> each) {
		if (values.stream().allMatch(String::isEmpty)) {
			return true; // an empty line, as Excel leaves at the end
		}
		if (header == null) {
			header = header(values, line);
			stopped = header == null;
		}
		else if (rows == MAX_ROWS) {
			problems.add(problem(line, columns.get(0), tooMany));
			stopped = true;
		}
		else {
			rows++;
			Line data = new Line(line, values, header);
			if (data.fitsTheHeader()) {
				each.accept(data);
			}
		}
		return !stopped;
	}

	private void csvRows(String text, BiPredicate<Integer, List<String>> each) {
		try (JsonParser parser = MAPPER.getFactory().createParser(new StringReader(text))) {
			((CsvParser) parser).enable(CsvParser.Feature.WRAP_AS_ARRAY);
			List<String> row = new ArrayList<>();
			int line = 0;
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.VALUE_STRING) {
					if (row.isEmpty()) {
						line = parser.currentTokenLocation().getLineNr();
					}
					row.add(parser.getText().strip());
				}
				else if (token == JsonToken.END_ARRAY && !row.isEmpty()) {
					if (!each.test(line, row)) {
						return;
					}
					row = new ArrayList<>();
				}
			}
		}
		catch (JsonProcessingException csvError) {
			int at = csvError.getLocation() == null ? 0 : csvError.getLocation().getLineNr();
			problems.add("第 " + at + " 行：不是有效的 CSV（如引号未闭合），请用 Excel 另存为 CSV 后重新上传");
			stopped = true;
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException(unreadable);
		}
	}

	/** The columns by name; every column must be there, each once, and no other. */
	private Map<String, Integer> header(List<String> names, int line) {
		Map<String, Integer> found = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			if (name.isEmpty()) {
				continue; // an empty column Excel keeps after the last one
			}
			if (!columns.contains(name)) {
				problems.add(problem(line, "列名", "“" + name + "”不是可导入的列，列名应为 " + String.join(",", columns)));
			}
			else if (found.putIfAbsent(name, i) != null) {
				problems.add(problem(line, "列名", "“" + name + "”出现了两次"));
			}
		}
		List<String> missing = columns.stream().filter(c -> !found.containsKey(c)).toList();
		if (!missing.isEmpty()) {
			problems.add(problem(line, "列名", "缺少 " + String.join("、", missing)));
		}
		return problems.isEmpty() ? found : null;
	}

	private void unit(Line row, Map<Integer, BuildingRow> buildings, List<UnitRow> units, Map<String, Integer> unitLines,
			Map<String, Integer> buildingNames) {
		Integer buildingNumber = row.whole(BUILDING_NUMBER, 1, 9999);
		String buildingName = row.text(BUILDING_NAME, 50);
		Integer entrances = row.whole(ENTRANCES, 1, 99);
		Integer floors = row.whole(FLOORS, 1, 200);
		String number = row.text(UNIT_NUMBER, 20);
		Integer entrance = row.whole(ENTRANCE, 1, 99);
		Integer floor = row.whole(FLOOR, 1, 200);
		BigDecimal area = row.area();
		UnitType type = row.type();
		if (entrance != null && entrances != null && entrance > entrances) {
			row.refuse(ENTRANCE, entrance + " 大于该楼栋的单元数 " + entrances);
		}
		if (floor != null && floors != null && floor > floors) {
			row.refuse(FLOOR, floor + " 大于该楼栋的楼层数 " + floors);
		}
		if (number != null) {
			Integer earlier = unitLines.putIfAbsent(number, row.number);
			if (earlier != null) {
				row.refuse(UNIT_NUMBER, number + " 与第 " + earlier + " 行重复");
			}
		}
		if (buildingNumber != null && buildingName != null && entrances != null && floors != null) {
			BuildingRow first = buildings.get(buildingNumber);
			if (first == null) {
				Integer namedOn = buildingNames.putIfAbsent(buildingName, row.number);
				if (namedOn != null) {
					row.refuse(BUILDING_NAME, "“" + buildingName + "”已是第 " + namedOn + " 行另一楼栋的名称");
				}
				else {
					buildings.put(buildingNumber, new BuildingRow(row.number, buildingNumber, buildingName, entrances, floors));
				}
			}
			else {
				sameAsFirst(row, first, BUILDING_NAME, first.name(), buildingName);
				sameAsFirst(row, first, ENTRANCES, first.entrances(), entrances);
				sameAsFirst(row, first, FLOORS, first.floors(), floors);
			}
		}
		if (!row.refused) {
			units.add(new UnitRow(row.number, buildingNumber, number, entrance, floor, area, type));
		}
	}

	private static void sameAsFirst(Line row, BuildingRow first, String column, Object expected, Object given) {
		if (!expected.equals(given)) {
			row.refuse(column, "与第 " + first.line() + " 行同一楼栋（" + first.number() + "）的“" + expected + "”不一致");
		}
	}

	/** One line of the file, read column by column; each refusal is a problem of the file. */
	public final class Line {

		private final int number;

		private final List<String> values;

		private final Map<String, Integer> header;

		private boolean refused;

		Line(int number, List<String> values, Map<String, Integer> header) {
			this.number = number;
			this.values = values;
			this.header = header;
		}

		public int number() {
			return number;
		}

		public boolean refused() {
			return refused;
		}

		private boolean fitsTheHeader() {
			int width = Collections.max(header.values()) + 1;
			if (values.stream().skip(width).anyMatch(value -> !value.isEmpty())) {
				refuse("列数", "有 " + values.size() + " 列，多于列名的 " + width + " 列（名称中的逗号须在引号内）");
				return false;
			}
			return true;
		}

		public void refuse(String column, String what) {
			refused = true;
			problems.add(problem(number, column, what));
		}

		private String value(String column) {
			int index = header.get(column);
			return index < values.size() ? values.get(index) : "";
		}

		public String text(String column, int maxLength) {
			String value = value(column);
			if (value.isEmpty()) {
				refuse(column, "未填写");
				return null;
			}
			if (value.length() > maxLength) {
				refuse(column, "最多 " + maxLength + " 个字");
				return null;
			}
			if (!PlainText.isPlain(value)) {
				refuse(column, "含有不可见的控制字符，请删除");
				return null;
			}
			return value;
		}

		public boolean has(String column) {
			return !value(column).isEmpty();
		}

		/**
		 * The column's value if it passes; refused by the rule alone, not repeating the value: personal
		 * data (ID numbers, phones) stays out of the answer and the log.
		 */
		String checked(String column, boolean required, Predicate<String> valid, String rule) {
			String value = value(column);
			if (value.isEmpty()) {
				if (required) {
					refuse(column, "未填写");
				}
				return null;
			}
			if (!valid.test(value)) {
				refuse(column, rule);
				return null;
			}
			return value;
		}

		LocalDate date(String column) {
			return parsed(column, DATE, value -> {
				Matcher date = DATE.matcher(value);
				date.matches();
				try {
					return LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
							Integer.parseInt(date.group(3)));
				}
				catch (DateTimeException noSuchDay) {
					return null;
				}
			}, "不是有效的日期，应如 2026-12-07");
		}

		Integer whole(String column, int min, int max) {
			return parsed(column, WHOLE, value -> {
				int whole = Integer.parseInt(value);
				return whole >= min && whole <= max ? whole : null;
			}, "应为 " + min + "–" + max + " 的整数");
		}

		BigDecimal area() {
			return parsed(AREA, DECIMAL, value -> {
				BigDecimal area = new BigDecimal(value);
				return area.signum() > 0 && area.scale() <= 2 && area.compareTo(MAX_AREA) <= 0 ? area.setScale(2) : null;
			}, "应为大于 0 的平方米数，最多两位小数，如 89.50");
		}

		UnitType type() {
			return parsed(TYPE, ANY, value -> Arrays.stream(UnitType.values())
				.filter(t -> t.label().equals(value))
				.findFirst()
				.orElse(null), "应为 " + Arrays.stream(UnitType.values()).map(UnitType::label).collect(Collectors.joining("、"))
						+ " 之一");
		}

		public <T> T parsed(String column, Pattern form, Function<String, T> parse, String rule) {
			String value = value(column);
			if (value.isEmpty()) {
				refuse(column, "未填写");
				return null;
			}
			T parsed = form.matcher(value).matches() ? parse.apply(value) : null;
			if (parsed == null) {
				refuse(column, "“" + value + "”" + rule);
			}
			return parsed;
		}

	}

}
