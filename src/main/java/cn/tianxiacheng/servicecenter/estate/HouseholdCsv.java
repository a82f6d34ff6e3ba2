package cn.tianxiacheng.servicecenter.estate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import cn.tianxiacheng.servicecenter.estate.EstateCsv.Line;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BaseEntity;

/**
 * The owners, household members, tenants or vehicles of an estate moving from another system, from
 * a CSV file of one kind ({@link HouseholdKind}), read as {@link EstateCsv} reads units: every line
 * checked, including that its unit is this estate's and that it is not there already, before
 * anything is written.
 */
final class HouseholdCsv {

	static final String UNIT = "房号";

	static final String NAME = "姓名";

	static final String ID_NUMBER = "身份证号";

	static final String PHONE = "手机号";

	static final String ALTERNATE_PHONE = "备用电话";

	static final String MOVED_IN = "入住日期";

	static final String RELATION = "与业主关系";

	static final String LEASE_START = "租期开始";

	static final String LEASE_END = "租期结束";

	static final String PLATE = "车牌号";

	static final String MODEL = "品牌型号";

	static final String COLOR = "颜色";

	private static final Pattern PLATE_FORM = Pattern.compile("[\\u4e00-\\u9fa5][A-Z][A-Z0-9]{5,6}");

	private static final String BAD_ID_NUMBER = "不是有效的 18 位身份证号（位数、出生日期或末位校验码不对）";

	private static final String BAD_PHONE = "不是有效的电话号码，应如 13812345678 或 010-87654321";

	/** A person or vehicle of the file, for the unit of the estate it names. */
	record Arrival(long unitId, Function<Unit, BaseEntity> entity) {
	}

	/**
	 * What the database holds: the estate's units by number, and what this kind may not bring again
	 * (units with owners by id, a unit's residents as {@code id/name}, its tenants as
	 * {@code id/ID number}, plates).
	 */
	record Known(Map<String, Long> units, Set<String> taken) {
	}

	private final HouseholdKind kind;

	private final Known known;

	private final Map<String, Integer> keys = new HashMap<>();

	private final List<Arrival> arrivals = new ArrayList<>();

	private HouseholdCsv(HouseholdKind kind, Known known) {
		this.kind = kind;
		this.known = known;
	}

	/** The file's people or vehicles, or a refusal listing every problem with its line and column. */
	static List<Arrival> read(HouseholdKind kind, byte[] file, Known known) {
		HouseholdCsv csv = new HouseholdCsv(kind, known);
		List<String> problems = EstateCsv.read(file, kind.columns(),
				"一次最多导入 " + EstateCsv.MAX_ROWS + " 行，请分批导入", "文件只有列名，没有" + kind.label(), csv::line);
		if (!problems.isEmpty()) {
			throw new BadInputException(EstateCsv.refusal(problems));
		}
		return csv.arrivals;
	}

	private void line(Line line) {
		String number = line.text(UNIT, 20);
		Long unitId = number == null ? null : known.units().get(number);
		if (number != null && unitId == null) {
			line.refuse(UNIT, "本小区没有房号 " + number);
		}
		Function<Unit, BaseEntity> entity = switch (kind) {
			case OWNER -> owner(line, unitId);
			case RESIDENT -> resident(line, unitId);
			case TENANT -> tenant(line, unitId);
			case VEHICLE -> vehicle(line);
		};
		if (!line.refused()) {
			arrivals.add(new Arrival(unitId, entity));
		}
	}

	private Function<Unit, BaseEntity> owner(Line line, Long unitId) {
		String name = line.text(NAME, 50);
		String idNumber = idNumber(line, true);
		String phone = line.checked(PHONE, true, PhoneNumbers::isValid, BAD_PHONE);
		String alternatePhone = line.checked(ALTERNATE_PHONE, false, PhoneNumbers::isValid, BAD_PHONE);
		LocalDate movedIn = line.has(MOVED_IN) ? line.date(MOVED_IN) : null;
		if (unitId != null && known.taken().contains(unitId.toString())) {
			line.refuse(UNIT, "该房屋已有业主，不能再导入业主");
		}
		once(line, ID_NUMBER, unitId + "/" + idNumber, "与第 %d 行是同一房屋的同一业主");
		return unit -> new Owner(unit, name, idNumber, phone, alternatePhone, movedIn);
	}

	private Function<Unit, BaseEntity> resident(Line line, Long unitId) {
		String name = line.text(NAME, 50);
		String relation = line.text(RELATION, 20);
		String idNumber = idNumber(line, false);
		String phone = line.checked(PHONE, false, PhoneNumbers::isValid, BAD_PHONE);
		String key = unitId + "/" + name;
		if (known.taken().contains(key)) {
			line.refuse(NAME, "该房屋已登记同名住户");
		}
		once(line, NAME, key, "与第 %d 行是同一房屋的同名住户");
		return unit -> new Resident(unit, name, relation, idNumber, phone);
	}

	private Function<Unit, BaseEntity> tenant(Line line, Long unitId) {
		String name = line.text(NAME, 50);
		String idNumber = idNumber(line, true);
		String phone = line.checked(PHONE, true, PhoneNumbers::isValid, BAD_PHONE);
		LocalDate start = line.date(LEASE_START);
		LocalDate end = line.date(LEASE_END);
		if (start != null && end != null && end.isBefore(start)) {
			line.refuse(LEASE_END, "早于租期开始 " + start);
		}
		String key = unitId + "/" + idNumber;
		if (known.taken().contains(key)) {
			line.refuse(ID_NUMBER, "该房屋已登记此租户");
		}
		once(line, ID_NUMBER, key, "与第 %d 行是同一房屋的同一租户");
		return unit -> new Tenant(unit, name, idNumber, phone, start, end);
	}

	private Function<Unit, BaseEntity> vehicle(Line line) {
		String plate = line.parsed(PLATE, PLATE_FORM, value -> value, "不是有效的车牌号，应如 冀A12345 或新能源 冀AD12345");
		String model = line.text(MODEL, 50);
		String color = line.text(COLOR, 20);
		if (plate != null && known.taken().contains(plate)) {
			line.refuse(PLATE, plate + " 已登记在系统中");
		}
		once(line, PLATE, plate, plate + " 与第 %d 行重复");
		return unit -> new Vehicle(unit, plate, model, color, null);
	}

	private static String idNumber(Line line, boolean required) {
		String idNumber = line.checked(ID_NUMBER, required, value -> IdNumbers.isValid(value.toUpperCase(Locale.ROOT)),
				BAD_ID_NUMBER);
		return idNumber == null ? null : idNumber.toUpperCase(Locale.ROOT);
	}

	/** A line whose key an earlier line of the file has is refused, naming that line. */
	private void once(Line line, String column, String key, String repeated) {
		if (line.refused()) {
			return;
		}
		Integer earlier = keys.putIfAbsent(key, line.number());
		if (earlier != null) {
			line.refuse(column, repeated.formatted(earlier));
		}
	}

}
