package cn.tianxiacheng.servicecenter.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.WebSession.FilePart;
import cn.tianxiacheng.servicecenter.Workbooks;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An estate moving from another system brings its units' opening balances (arrears per fee item and
 * period, prepaid credit) from a CSV or Excel file: all or nothing, every bad line named by line and
 * column; then each unit's account, balance and arrears are the sums of its lines, dated the day the
 * balances were taken over and marked as opening balances; the import is kept as a record, a
 * repeated request answered once, a unit's balances brought once and only into a unit without entries.
 */
@IntegrationTest
class OpeningBalanceImportIntegrationTests {

	@Autowired
	IdentityService identityService;

	private static final String HEADER = "房号,收费项目,账期,欠费金额,预存金额";

	/** Buildings numbered apart from the other estate tests' (100 on, 6000 on, 30000 on). */
	private static final AtomicInteger BUILDINGS = new AtomicInteger(7000);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Ledger ledger;

	@Autowired
	BillWriter billWriter;

	@Autowired
	Clock clock;

	private final int building = BUILDINGS.getAndIncrement();

	private final String code = "Q" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36)
		.toUpperCase();

	private WebSession admin;

	/** The estate's four units: {@code b-1-101, b-1-201, b-2-101, b-2-201}. */
	private List<String> units;

	/** The day the balances were taken over, and the two months before it. */
	private LocalDate asOf;

	private YearMonth earlier;

	private YearMonth later;

	/** The estate's fee items' codes: 物业服务费 and 二次供水费 (income), 装修押金 (a deposit). */
	private String property;

	/** A cashier who works in the new estate only: 天下城's do not see its units. */
	private String cashierOfTheEstate() {
		String id = code.toLowerCase() + "cashier";
		User user = identityService.newUser(id);
		user.setFirstName("迁入");
		user.setLastName("收费员");
		user.setPassword("demo");
		identityService.saveUser(user);
		identityService.createMembership(id, "cashier");
		identityService.createTenantUserMembership(code, id);
		return id;
	}

	@BeforeEach
	void addTheEstateWithItsFeeItems() {
		admin = WebSession.loggedIn(port, "admin");
		String units = "楼栋号,楼栋名称,单元数,楼层数,房号,单元,楼层,建筑面积,类型\r\n" + String.join("\r\n",
				List.of(line(1, 1), line(1, 2), line(2, 1), line(2, 2))) + "\r\n";
		HttpResponse<String> added = admin.submitMultipart("/", "/estates",
				Map.of("requestId", UUID.randomUUID().toString(), "name", "迁入账目小区" + code, "code", code, "address",
						"迁入路 2 号"),
				List.of(new FilePart("file", "楼栋房屋.csv", "text/csv", units.getBytes(StandardCharsets.UTF_8))));
		assertThat(added.statusCode()).isEqualTo(302);
		this.units = List.of(building + "-1-101", building + "-1-201", building + "-2-101", building + "-2-201");
		long estate = jdbc.queryForObject("select id from estate where code = ?", Long.class, code);
		// codes no other estate has: the estate's own items, not 天下城's that billing runs look up
		property = "WY" + code;
		jdbc.update("insert into fee_item (estate_id, code, name, kind, income) values (?, ?, '物业服务费', 'AREA_MONTHLY', true)",
				estate, property);
		jdbc.update("insert into fee_item (estate_id, code, name, kind, income) values (?, ?, '二次供水费', 'METERED', true)",
				estate, "GS" + code);
		jdbc.update("insert into fee_item (estate_id, code, name, kind, income) values (?, ?, '装修押金', 'DEPOSIT', false)",
				estate, "YJ" + code);
		asOf = LocalDate.now(clock).minusDays(10);
		later = YearMonth.from(asOf).minusMonths(1);
		earlier = later.minusMonths(1);
	}

	private String line(int entrance, int floor) {
		return "%d,%d号楼,2,2,%d-%d-%d01,%d,%d,89.50,住宅".formatted(building, building, building, entrance, floor, entrance,
				floor);
	}

	@Test
	void shouldImportNothingFromAFileWithBadLinesAndEveryBalanceOnceItIsCorrected() {
		String requestId = UUID.randomUUID().toString();
		List<String> bad = List.of(unit(0) + ",物业服务费," + later + ",300.00,", // 2: fine
				unit(0) + "," + property.toLowerCase() + "," + earlier + ",300.5,", // 3: fine, by the item's code
				unit(1) + ",二次供水费," + earlier + ",45.678,", // 4
				building + "-9-999,物业服务费," + earlier + ",10,", // 5
				unit(2) + ",燃气费," + earlier + ",10,", // 6
				unit(2) + ",物业服务费," + asOf.getYear() + "-13,10,", // 7
				unit(3) + ",物业服务费," + earlier + ",-5,", // 8
				unit(3) + ",,,,2000000", // 9
				unit(0) + ",物业服务费," + later + ",100,", // 10
				unit(1) + ",装修押金," + earlier + ",100,", // 11
				unit(2) + ",,,,", // 12
				unit(2) + ",物业服务费," + YearMonth.from(asOf).plusMonths(1) + ",10,", // 13
				unit(3) + ",物业服务费," + earlier + ",12,50"); // 14

		HttpResponse<String> refused = bringIn(requestId, csv(bad));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("未导入任何内容", "第 4 行，欠费金额：“45.678”超过两位小数",
				"第 5 行，房号：本小区没有房号 " + building + "-9-999", "第 6 行，收费项目：本小区没有收费项目“燃气费”",
				"第 7 行，账期：“" + asOf.getYear() + "-13”不是有效的账期", "第 8 行，欠费金额：“-5”不能为负数",
				"第 9 行，预存金额：“2000000”超过 1000000.00 元", "第 10 行，账期：与第 2 行是同一房屋、同一收费项目的同一账期",
				"第 11 行，收费项目：押金不作为期初欠费导入", "第 12 行，欠费金额：欠费金额和预存金额须填一项", "第 13 行，账期：",
				"第 14 行，预存金额：一行只填欠费金额或预存金额之一")
			.doesNotContain("第 2 行，", "第 3 行，");
		assertThat(entries()).isZero();
		assertThat(jdbc.queryForObject("select count(*) from estate_import where request_id = ?", Integer.class, requestId))
			.isZero();

		List<String> lines = List.of(unit(0) + ",物业服务费," + later + ",300.00,",
				unit(0) + "," + property.toLowerCase() + "," + earlier + ",300.5,", unit(1) + ",二次供水费," + earlier + ",45.67,",
				unit(1) + ",,,,100", unit(2) + ",物业服务费," + earlier + ",10,", unit(3) + ",,,,88.8");
		HttpResponse<String> imported = bringIn(requestId, csv(lines));

		assertThat(imported.statusCode()).isEqualTo(302);
		assertTheAccountsAreTheSumsOf(lines);
		Map<String, Object> record = jdbc.queryForMap("""
				select i.kind, i.file_name, i.data_rows, i.imported_by, e.code from estate_import i
				  join estate e on e.id = i.estate_id where i.request_id = ?""", requestId);
		assertThat(record).containsEntry("kind", "BALANCES")
			.containsEntry("file_name", "期初余额.csv")
			.containsEntry("data_rows", lines.size())
			.containsEntry("imported_by", "admin")
			.containsEntry("code", code);
		String page = admin.get(location(imported)).body();
		assertThat(page).contains("已向小区“迁入账目小区" + code + "”导入期初余额 " + lines.size() + " 条", "期初余额.csv");

		HttpResponse<String> again = bringIn(requestId, csv(lines));
		assertThat(again.statusCode()).as("the same request sent again").isEqualTo(302);
		assertThat(location(again)).isEqualTo(location(imported));
		assertThat(entries()).isEqualTo(lines.size());
	}

	@Test
	void shouldShowTheOpeningBalancesOnTheUnitsAccountDatedAndMarked() {
		List<String> lines = List.of(unit(0) + ",物业服务费," + earlier + ",250.00,", unit(0) + ",,,,40.00");
		assertThat(bringIn(UUID.randomUUID().toString(), csv(lines)).statusCode()).isEqualTo(302);

		long unitId = unitId(unit(0));
		Timestamp booked = Timestamp.from(asOf.atStartOfDay(clock.getZone()).toInstant());
		assertThat(jdbc.queryForList("select entry_type from ledger_entry where unit_id = ? and booked_at = ? order by 1",
				String.class, unitId, booked)).containsExactly("OPENING_ARREARS", "OPENING_CREDIT");
		assertThat(jdbc.queryForMap("select period, due_date, description from bill where unit_id = ?", unitId))
			.containsEntry("period", earlier.toString())
			.containsEntry("due_date", Date.valueOf(asOf))
			.containsEntry("description", "期初欠费");
		String account = WebSession.loggedIn(port, cashierOfTheEstate()).get("/cashier/units/" + unitId).body();
		assertThat(account).contains("期初欠费", "期初预存", "物业服务费", "210.00");
	}

	@Test
	void shouldBringTheBalancesOfAUnitOnceAndOnlyIntoAUnitWithoutEntries() {
		long billed = unitId(unit(1));
		billWriter.issue(List.of(new NewBill(billed, itemId(property), later.toString(), "", later.atDay(1),
				later.atEndOfMonth(), new BigDecimal("99.00"), later.atEndOfMonth(), "本系统的账单")), "cashier");
		assertThat(bringIn(UUID.randomUUID().toString(), csv(List.of(unit(0) + ",,,,50")))
			.statusCode()).isEqualTo(302);

		HttpResponse<String> refused = bringIn(UUID.randomUUID().toString(),
				csv(List.of(unit(2) + ",物业服务费," + earlier + ",10,", unit(0) + ",物业服务费," + earlier + ",10,",
						unit(1) + ",,,,20")));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("第 3 行，房号：" + unit(0) + " 已导入过期初余额",
				"第 4 行，房号：" + unit(1) + " 已有账单或收款").doesNotContain("第 2 行");
		assertThat(ledger.balance(unitId(unit(2)))).isEqualByComparingTo("0.00");
		assertThat(ledger.balance(unitId(unit(0)))).isEqualByComparingTo("-50.00");
	}

	@Test
	void shouldReadTheSameBalancesFromAnExcelWorkbookAsTheyWereTyped() {
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of((Object[]) HEADER.split(",")));
		rows.add(row(unit(0), "物业服务费", later, 300, null));
		rows.add(row(unit(0), "二次供水费", earlier, 12.345, null));
		String requestId = UUID.randomUUID().toString();

		HttpResponse<String> refused = bringIn(requestId, "期初余额.xlsx", Workbooks.xlsx(rows));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("第 3 行，欠费金额：“12.345”超过两位小数").doesNotContain("第 2 行");
		assertThat(entries()).isZero();

		rows.set(2, row(unit(0), "二次供水费", earlier, 12.34, null));
		rows.add(row(unit(1), "物业服务费", earlier, 1280.5, null));
		rows.add(row(unit(1), null, null, null, 2000));
		rows.add(row(unit(3), null, null, null, 0.1));
		HttpResponse<String> imported = bringIn(requestId, "期初余额.xlsx", Workbooks.xlsx(rows));

		assertThat(imported.statusCode()).isEqualTo(302);
		assertTheAccountsAreTheSumsOf(List.of(unit(0) + ",物业服务费," + later + ",300,", unit(0) + ",二次供水费," + earlier + ",12.34,",
				unit(1) + ",物业服务费," + earlier + ",1280.5,", unit(1) + ",,,,2000", unit(3) + ",,,,0.1"));
		assertThat(jdbc.queryForList("select b.period from bill b where b.unit_id = ? order by b.period", String.class,
				unitId(unit(0)))).as("the months as typed, not as Excel shows them").containsExactly(earlier.toString(),
						later.toString());
	}

	@Test
	void shouldRefuseStaffOtherThanTheAdministrator() {
		HttpResponse<String> refused = WebSession.loggedIn(port, "manager").submitMultipart("/", "/estates/balances",
				Map.of("balancesRequestId", UUID.randomUUID().toString(), "estate", code, "asOf", asOf.toString()),
				List.of(new FilePart("file", "期初余额.csv", "text/csv", csv(List.of(unit(0) + ",,,,50")))));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(entries()).isZero();
	}

	/**
	 * Each unit's account as the test sums the lines: arrears less credit is its balance; the credit
	 * covers its arrears first; what is left owed, all due on the day before today, is its arrears.
	 */
	private void assertTheAccountsAreTheSumsOf(List<String> lines) {
		Map<String, BigDecimal> owed = new TreeMap<>();
		Map<String, BigDecimal> credit = new TreeMap<>();
		for (String line : lines) {
			String[] cells = (line + " ").split(",");
			owed.merge(cells[0], cells[3].isBlank() ? BigDecimal.ZERO : new BigDecimal(cells[3].strip()), BigDecimal::add);
			credit.merge(cells[0], cells[4].isBlank() ? BigDecimal.ZERO : new BigDecimal(cells[4].strip()), BigDecimal::add);
		}
		Map<Long, Ledger.Arrears> arrears = new TreeMap<>();
		long estate = jdbc.queryForObject("select id from estate where code = ?", Long.class, code);
		ledger.arrears(estate, LocalDate.now(clock)).forEach(a -> arrears.put(a.unitId(), a));
		for (String unit : units) {
			long unitId = unitId(unit);
			BigDecimal due = owed.getOrDefault(unit, BigDecimal.ZERO);
			BigDecimal paid = credit.getOrDefault(unit, BigDecimal.ZERO);
			Ledger.Account account = ledger.account(unitId, unit);
			assertThat(account.balance()).as("%s balance", unit).isEqualByComparingTo(due.subtract(paid));
			assertThat(account.outstanding()).as("%s owed", unit).isEqualByComparingTo(due.subtract(paid).max(BigDecimal.ZERO));
			assertThat(account.prepaid()).as("%s prepaid", unit).isEqualByComparingTo(paid.subtract(due).max(BigDecimal.ZERO));
			assertThat(ledger.isInArrears(unitId)).as("%s in arrears", unit).isEqualTo(due.compareTo(paid) > 0);
			if (due.compareTo(paid) > 0) {
				assertThat(arrears.get(unitId).amount()).as("%s arrears", unit).isEqualByComparingTo(due.subtract(paid));
				assertThat(arrears.get(unitId).oldestDueDate()).isEqualTo(asOf);
			}
			else {
				assertThat(arrears).as("%s arrears", unit).doesNotContainKey(unitId);
			}
		}
	}

	private static List<Object> row(Object... cells) {
		return Arrays.asList(cells);
	}

	private String unit(int index) {
		return units.get(index);
	}

	private HttpResponse<String> bringIn(String requestId, byte[] csv) {
		return bringIn(requestId, "期初余额.csv", csv);
	}

	private HttpResponse<String> bringIn(String requestId, String fileName, byte[] file) {
		return admin.submitMultipart("/", "/estates/balances",
				Map.of("balancesRequestId", requestId, "estate", code.toLowerCase(), "asOf", asOf.toString()),
				List.of(new FilePart("file", fileName, "application/octet-stream", file)));
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

	/** The ledger entries of this test's estate. */
	private int entries() {
		return jdbc.queryForObject("""
				select count(*) from ledger_entry l join unit_address u on u.unit_id = l.unit_id
				  join estate e on e.id = u.estate_id where e.code = ?""", Integer.class, code);
	}

	private long unitId(String number) {
		return jdbc.queryForObject("select unit_id from unit_address where unit_number = ?", Long.class, number);
	}

	private long itemId(String itemCode) {
		return jdbc.queryForObject("select id from fee_item where code = ?", Long.class, itemCode);
	}

	private static byte[] csv(List<String> lines) {
		return ("\uFEFF" + HEADER + "\r\n" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
	}

}
