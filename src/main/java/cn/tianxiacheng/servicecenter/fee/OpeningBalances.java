package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.estate.EstateCsv;
import cn.tianxiacheng.servicecenter.estate.EstateCsv.Line;
import cn.tianxiacheng.servicecenter.estate.EstateImportRecords;
import cn.tianxiacheng.servicecenter.fee.Ledger.NewPayment;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.RequestOnce;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 期初余额: what the units of an estate moving from another system owed (arrears per fee item and
 * period) and had paid in advance (prepaid credit) on the day their accounts were taken over, from
 * a CSV or Excel file read as the estate's other imports are ({@link EstateCsv}), all or nothing.
 * They enter the one ledger as what they are: the arrears as bills marked opening (期初欠费), due
 * that day, the credit as payments of method {@link PaymentMethod#OPENING_BALANCE} (期初预存)
 * received that day, which cover the unit's arrears as any prepaid money does. Only units without
 * any ledger entry yet take them. Each import is kept in the estate's import record. The
 * administrator's work; a repeated request answers with the first one's import.
 */
@Component
class OpeningBalances {

	static final String REFUSAL = "只有系统管理员可以导入期初余额";

	static final String UNIT = "房号";

	static final String ITEM = "收费项目";

	static final String PERIOD = "账期";

	static final String ARREARS = "欠费金额";

	static final String CREDIT = "预存金额";

	static final List<String> COLUMNS = List.of(UNIT, ITEM, PERIOD, ARREARS, CREDIT);

	static final String ARREARS_LABEL = "期初欠费";

	private static final YearMonth FIRST_PERIOD = YearMonth.of(2000, 1);

	private static final Pattern PERIOD_FORM = Pattern.compile("(\\d{4})[-/.](\\d{1,2})");

	private static final Pattern AMOUNT_FORM = Pattern.compile("-?\\d{1,12}(\\.\\d+)?");

	private final EstateImportRecords records;

	private final BillWriter billWriter;

	private final Ledger ledger;

	private final FeeProperties properties;

	private final RequestOnce requestOnce;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	OpeningBalances(EstateImportRecords records, BillWriter billWriter, Ledger ledger, FeeProperties properties,
			RequestOnce requestOnce, JdbcTemplate jdbc, Clock clock) {
		this.records = records;
		this.billWriter = billWriter;
		this.ledger = ledger;
		this.properties = properties;
		this.requestOnce = requestOnce;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Which estate, as of which day, as the administrator chose them. */
	record OpeningImport(String requestId, String estateCode, LocalDate asOf) {
	}

	/** Brings every balance of the file into the estate's ledger, or none; the import's id. */
	long bringIn(OpeningImport request, String fileName, byte[] file, Staff staff) {
		staff.require(REFUSAL, StaffGroup.ADMIN);
		return requestOnce.apply(() -> bringInOnce(request, fileName, file, staff));
	}

	private long bringInOnce(OpeningImport request, String fileName, byte[] file, Staff staff) {
		Optional<Long> earlier = records.earlier(request.requestId());
		if (earlier.isPresent()) {
			return earlier.get();
		}
		long estateId = records.estateId(request.estateCode());
		if (request.asOf().isAfter(LocalDate.now(clock))) {
			throw new BadInputException("期初日期：" + request.asOf() + " 晚于今天，应为原系统结账的日期");
		}
		String keptName = EstateImportRecords.keptFileName(fileName, file, "请选择期初余额的 CSV 或 Excel 文件");
		Balances balances = new Balances(request.asOf(), units(estateId), items(estateId), withEntries(estateId));
		List<String> problems = EstateCsv.read(file, COLUMNS, "一次最多导入 " + EstateCsv.MAX_ROWS + " 行，请分批导入",
				"文件只有列名，没有期初余额", balances::line);
		if (!problems.isEmpty()) {
			// a copy of this request committed meanwhile, and its units now have ledger entries
			return records.earlier(request.requestId()).orElseThrow(() -> new BadInputException(EstateCsv.refusal(problems)));
		}
		// the record first: a copy of this request sent at the same moment meets its unique request id
		long id = records.keep(request.requestId(), estateId, EstateImportRecords.OPENING_BALANCES, keptName,
				balances.arrears.size() + balances.credits.size(), staff);
		Instant asOf = request.asOf().atStartOfDay(clock.getZone()).toInstant();
		billWriter.insertOpening(balances.arrears, asOf, staff.id());
		int n = 0;
		for (Credit credit : balances.credits) {
			// the receipt number a payment needs, apart from the cashier's series: QC, the import, the line
			ledger.recordOpeningCredit(new NewPayment(credit.unitId(), "opening:" + id + ":" + credit.unitId(),
					"opening-balance", credit.amount(), PaymentMethod.OPENING_BALANCE, "QC" + id + "-" + ++n, staff.id(),
					StaffGroup.ADMIN.id()), asOf);
		}
		return id;
	}

	/** The estate's units by number. */
	private Map<String, Long> units(long estateId) {
		Map<String, Long> units = new HashMap<>();
		jdbc.query("select unit_number, unit_id from unit_address where estate_id = ?", rs -> {
			units.put(rs.getString(1), rs.getLong(2));
		}, estateId);
		return units;
	}

	/** The estate's fee items, found by name or by code. */
	private Map<String, FeeItemRow> items(long estateId) {
		Map<String, FeeItemRow> items = new HashMap<>();
		jdbc.query("select id, code, name, kind from fee_item where estate_id = ? order by id", rs -> {
			FeeItemRow item = new FeeItemRow(rs.getLong(1), rs.getString(3), FeeKind.valueOf(rs.getString(4)));
			items.put(rs.getString(3), item);
			items.put(rs.getString(2).toUpperCase(Locale.ROOT), item);
		}, estateId);
		return items;
	}

	/** The estate's units that have ledger entries: true for those whose entries are opening balances. */
	private Map<Long, Boolean> withEntries(long estateId) {
		Map<Long, Boolean> units = new HashMap<>();
		jdbc.query("""
				select b.unit_id, b.opening from bill b join unit_address u on u.unit_id = b.unit_id where u.estate_id = ?
				union
				select p.unit_id, case when p.method = 'OPENING_BALANCE' then true else false end
				  from payment p join unit_address u on u.unit_id = p.unit_id where u.estate_id = ?""", rs -> {
			units.merge(rs.getLong(1), rs.getBoolean(2), Boolean::logicalOr);
		}, estateId, estateId);
		return units;
	}

	private record FeeItemRow(long id, String name, FeeKind kind) {
	}

	private record Credit(long unitId, BigDecimal amount) {
	}

	/** The file's balances as its lines are read, each line checked against the estate and the file. */
	private final class Balances {

		private final LocalDate asOf;

		private final Map<String, Long> units;

		private final Map<String, FeeItemRow> items;

		private final Map<Long, Boolean> withEntries;

		private final Map<String, Integer> lines = new HashMap<>();

		private final List<NewBill> arrears = new ArrayList<>();

		private final List<Credit> credits = new ArrayList<>();

		Balances(LocalDate asOf, Map<String, Long> units, Map<String, FeeItemRow> items, Map<Long, Boolean> withEntries) {
			this.asOf = asOf;
			this.units = units;
			this.items = items;
			this.withEntries = withEntries;
		}

		void line(Line line) {
			Long unitId = unit(line);
			if (!line.has(ARREARS) && !line.has(CREDIT)) {
				line.refuse(ARREARS, "欠费金额和预存金额须填一项");
			}
			else if (line.has(ARREARS) && line.has(CREDIT)) {
				line.refuse(CREDIT, "一行只填欠费金额或预存金额之一：欠费按收费项目和账期各占一行，预存另占一行");
			}
			else if (line.has(ARREARS)) {
				arrears(line, unitId);
			}
			else {
				credit(line, unitId);
			}
		}

		private Long unit(Line line) {
			String number = line.text(UNIT, 20);
			if (number == null) {
				return null;
			}
			Long unitId = units.get(number);
			if (unitId == null) {
				line.refuse(UNIT, "本小区没有房号 " + number);
			}
			else if (withEntries.containsKey(unitId)) {
				line.refuse(UNIT, withEntries.get(unitId) ? number + " 已导入过期初余额"
						: number + " 已有账单或收款，期初余额只能导入尚无账目的房屋");
			}
			return unitId;
		}

		private void arrears(Line line, Long unitId) {
			FeeItemRow item = item(line);
			YearMonth period = line.parsed(PERIOD, PERIOD_FORM, this::period,
					"不是有效的账期，应如 2026-11，且不早于 " + FIRST_PERIOD + "、不晚于期初日期所在月份 " + YearMonth.from(asOf));
			BigDecimal amount = amount(line, ARREARS);
			if (line.refused()) {
				return;
			}
			once(line, PERIOD, unitId + "/" + item.id() + "/" + period, "与第 %d 行是同一房屋、同一收费项目的同一账期");
			if (!line.refused()) {
				arrears.add(new NewBill(unitId, item.id(), period.toString(), "", period.atDay(1), period.atEndOfMonth(),
						amount, asOf, ARREARS_LABEL));
			}
		}

		private void credit(Line line, Long unitId) {
			for (String column : List.of(ITEM, PERIOD)) {
				if (line.has(column)) {
					line.refuse(column, "预存金额的行不填" + column + "：预存是房屋的，不分收费项目和账期");
				}
			}
			BigDecimal amount = amount(line, CREDIT);
			if (line.refused()) {
				return;
			}
			once(line, CREDIT, unitId.toString(), "该房屋的预存金额已在第 %d 行，每套房屋一行");
			if (!line.refused()) {
				credits.add(new Credit(unitId, amount));
			}
		}

		private FeeItemRow item(Line line) {
			String given = line.text(ITEM, 50);
			if (given == null) {
				return null;
			}
			FeeItemRow item = items.getOrDefault(given, items.get(given.toUpperCase(Locale.ROOT)));
			if (item == null) {
				line.refuse(ITEM, "本小区没有收费项目“" + given + "”，应为 " + items.values()
					.stream()
					.map(FeeItemRow::name)
					.distinct()
					.collect(Collectors.joining("、")) + " 之一（名称或代码）");
			}
			else if (item.kind() == FeeKind.DEPOSIT) {
				line.refuse(ITEM, "押金不作为期初欠费导入");
			}
			return item;
		}

		private YearMonth period(String value) {
			Matcher form = PERIOD_FORM.matcher(value);
			form.matches();
			int month = Integer.parseInt(form.group(2));
			if (month < 1 || month > 12) {
				return null;
			}
			YearMonth period = YearMonth.of(Integer.parseInt(form.group(1)), month);
			return period.isBefore(FIRST_PERIOD) || period.isAfter(YearMonth.from(asOf)) ? null : period;
		}

		/** An amount of yuan exact to the fen: never rounded, more decimals are refused. */
		private BigDecimal amount(Line line, String column) {
			BigDecimal amount = line.parsed(column, AMOUNT_FORM, BigDecimal::new, "不是金额，应如 1280.50（不带货币符号和千位分隔符）");
			if (amount == null) {
				return null;
			}
			String wrong = amount.signum() < 0 ? "不能为负数"
					: amount.signum() == 0 ? "应大于 0：没有欠费或预存的房屋不必列出"
					: amount.stripTrailingZeros().scale() > 2 ? "超过两位小数：金额精确到分，不作四舍五入"
					: amount.compareTo(properties.maxPayment()) > 0
							? "超过 " + Money.yuan(properties.maxPayment()).toPlainString() + " 元，请核对" : null;
			if (wrong != null) {
				line.refuse(column, "“" + amount.toPlainString() + "”" + wrong);
				return null;
			}
			return amount.setScale(2);
		}

		/** A line whose key an earlier line of the file has is refused, naming that line. */
		private void once(Line line, String column, String key, String repeated) {
			Integer earlier = lines.putIfAbsent(key, line.number());
			if (earlier != null) {
				line.refuse(column, repeated.formatted(earlier));
			}
		}

	}

}
