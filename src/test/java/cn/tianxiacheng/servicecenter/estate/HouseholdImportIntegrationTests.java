package cn.tianxiacheng.servicecenter.estate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.WebSession.FilePart;
import cn.tianxiacheng.servicecenter.Workbooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An estate moving from another system brings its owners, residents, tenants and vehicles into its
 * units from CSV files: all or nothing, every bad line named by line and column, only the estate's
 * own unit numbers, each import kept as a record, a repeated request answered once, the administrator's alone.
 */
@IntegrationTest
class HouseholdImportIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	/** Buildings numbered apart from the other estate tests' (100 on, 9000 on), ten for each test. */
	private static final AtomicInteger BUILDINGS = new AtomicInteger(6000);

	private static final AtomicInteger PEOPLE = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000));

	private final int building = BUILDINGS.getAndAdd(10);

	private final String code = "H" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36)
		.toUpperCase();

	private WebSession admin;

	/** The estate's four units: {@code b-1-101, b-1-201, b-2-101, b-2-201}. */
	private List<String> units;

	@BeforeEach
	void addTheEstate() {
		admin = WebSession.loggedIn(port, "admin");
		HttpResponse<String> added = admin.submitMultipart("/", "/estates",
				Map.of("requestId", UUID.randomUUID().toString(), "name", "迁入小区" + code, "code", code, "address",
						"迁入路 1 号"),
				List.of(new FilePart("file", "楼栋房屋.csv", "text/csv",
						EstateImportIntegrationTests.csv(EstateImportIntegrationTests.units(building, 1, 2, 2), true))));
		assertThat(added.statusCode()).isEqualTo(302);
		units = List.of(building + "-1-101", building + "-1-201", building + "-2-101", building + "-2-201");
	}

	@Test
	void shouldImportNoOwnerFromAFileWithOneBadLineAndEveryOwnerOnceItIsCorrected() {
		String requestId = UUID.randomUUID().toString();
		List<String> lines = new ArrayList<>();
		for (String unit : units) {
			lines.add(unit + "," + name() + "," + idNumber() + "," + phone() + ",," + (unit.endsWith("-101") ? "2019-05-01" : ""));
		}
		lines.add(units.get(0) + ",共有人" + name() + "," + idNumber() + "," + phone() + ",010-87654321,2019/5/1");
		List<String> bad = new ArrayList<>(lines);
		bad.set(1, bad.get(1).replaceFirst(",1\\d{10},", ",1234,")); // line 3 of the file

		HttpResponse<String> refused = bringIn(requestId, "OWNER", csv("房号,姓名,身份证号,手机号,备用电话,入住日期", bad));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("第 3 行，手机号：不是有效的电话号码", "未导入任何内容");
		assertThat(count("owner")).isZero();
		assertThat(jdbc.queryForObject("select count(*) from estate_import where request_id = ?", Integer.class, requestId))
			.isZero();

		HttpResponse<String> imported = bringIn(requestId, "OWNER", csv("房号,姓名,身份证号,手机号,备用电话,入住日期", lines));

		assertThat(imported.statusCode()).isEqualTo(302);
		assertThat(count("owner")).isEqualTo(lines.size());
		assertThat(jdbc.queryForObject("""
				select count(*) from unit u join building b on b.id = u.building_id join estate e on e.id = b.estate_id
				 where e.code = ? and u.status = 'OCCUPIED'""", Integer.class, code))
			.as("the owners with a move-in day live there").isEqualTo(2);
		Map<String, Object> record = jdbc.queryForMap("""
				select i.kind, i.file_name, i.data_rows, i.imported_by, e.code from estate_import i
				  join estate e on e.id = i.estate_id where i.request_id = ?""", requestId);
		assertThat(record).containsEntry("kind", "OWNER")
			.containsEntry("file_name", "迁入.csv")
			.containsEntry("data_rows", lines.size())
			.containsEntry("imported_by", "admin")
			.containsEntry("code", code);
		String page = admin.get(imported.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
			.body();
		assertThat(page).contains("已向小区“迁入小区" + code + "”导入业主 " + lines.size() + " 条", "迁入.csv");

		HttpResponse<String> again = bringIn(UUID.randomUUID().toString(), "OWNER",
				csv("房号,姓名,身份证号,手机号,备用电话,入住日期", lines.subList(0, 1)));
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).contains("第 2 行，房号：该房屋已有业主");
		assertThat(count("owner")).isEqualTo(lines.size());
	}

	@Test
	void shouldNameEveryBadLineOfResidentsTenantsAndVehiclesThenImportEachCorrectedFile() {
		String plate = plate();
		List<String> residents = List.of(units.get(0) + "," + name() + ",配偶,,", units.get(1) + "," + name() + ",子女,"
				+ idNumber() + "," + phone());
		List<String> tenants = List.of(units.get(2) + "," + name() + "," + idNumber() + "," + phone() + ",2026-01-01,2026-12-31");
		List<String> vehicles = List.of(units.get(0) + "," + plate + ",大众朗逸,白色", units.get(1) + "," + plate() + ",比亚迪秦,黑色");

		HttpResponse<String> badResidents = bringIn(UUID.randomUUID().toString(), "RESIDENT",
				csv("房号,姓名,与业主关系,身份证号,手机号", List.of(residents.get(0), units.get(1) + "," + name() + ",子女,110101198013010000,")));
		HttpResponse<String> undatedTenant = bringIn(UUID.randomUUID().toString(), "TENANT",
				csv("房号,姓名,身份证号,手机号,租期开始,租期结束", List.of(units.get(2) + "," + name() + "," + idNumber() + "," + phone() + ",,")));
		HttpResponse<String> samePlate = bringIn(UUID.randomUUID().toString(), "VEHICLE",
				csv("房号,车牌号,品牌型号,颜色", List.of(vehicles.get(0), units.get(2) + "," + plate + ",丰田卡罗拉,银色")));

		assertThat(badResidents.statusCode()).isEqualTo(400);
		assertThat(badResidents.body()).contains("第 3 行，身份证号：不是有效的 18 位身份证号").doesNotContain("110101198013010000");
		assertThat(undatedTenant.statusCode()).isEqualTo(400);
		assertThat(undatedTenant.body()).contains("第 2 行，租期开始：未填写", "第 2 行，租期结束：未填写");
		assertThat(samePlate.statusCode()).isEqualTo(400);
		assertThat(samePlate.body()).contains("第 3 行，车牌号：" + plate + " 与第 2 行重复");
		assertThat(count("resident") + count("tenant") + count("vehicle")).isZero();

		assertThat(bringIn(UUID.randomUUID().toString(), "RESIDENT", csv("房号,姓名,与业主关系,身份证号,手机号", residents))
			.statusCode()).isEqualTo(302);
		assertThat(bringIn(UUID.randomUUID().toString(), "TENANT", csv("房号,姓名,身份证号,手机号,租期开始,租期结束", tenants))
			.statusCode()).isEqualTo(302);
		assertThat(bringIn(UUID.randomUUID().toString(), "VEHICLE", csv("房号,车牌号,品牌型号,颜色", vehicles)).statusCode())
			.isEqualTo(302);
		assertThat(count("resident")).isEqualTo(residents.size());
		assertThat(count("tenant")).isEqualTo(tenants.size());
		assertThat(count("vehicle")).isEqualTo(vehicles.size());

		HttpResponse<String> plateTaken = bringIn(UUID.randomUUID().toString(), "VEHICLE",
				csv("房号,车牌号,品牌型号,颜色", List.of(units.get(3) + "," + plate + ",大众朗逸,白色")));
		assertThat(plateTaken.statusCode()).isEqualTo(400);
		assertThat(plateTaken.body()).contains("第 2 行，车牌号：" + plate + " 已登记在系统中");
		assertThat(count("vehicle")).isEqualTo(vehicles.size());
	}

	@Test
	void shouldReadOwnersFromAnExcelWorkbookAsTheyWereTyped() {
		String requestId = UUID.randomUUID().toString();
		List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of((Object[]) "房号,姓名,身份证号,手机号,备用电话,入住日期".split(",")));
		// a phone typed into Excel is a number, a move-in day a date
		rows.add(Arrays.asList(units.get(0), name(), idNumber(), Long.parseLong(phone()), null, LocalDate.of(2019, 5, 1)));
		rows.add(Arrays.asList(units.get(1), name(), idNumber(), 1234, null, null));

		HttpResponse<String> refused = bringIn(requestId, "OWNER", "迁入.xlsx", Workbooks.xlsx(rows));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("第 3 行，手机号：不是有效的电话号码", "未导入任何内容").doesNotContain("第 2 行");
		assertThat(count("owner")).isZero();

		rows.set(2, Arrays.asList(units.get(1), name(), idNumber(), Long.parseLong(phone()), null, null));
		HttpResponse<String> imported = bringIn(requestId, "OWNER", "迁入.xlsx", Workbooks.xlsx(rows));

		assertThat(imported.statusCode()).isEqualTo(302);
		assertThat(count("owner")).isEqualTo(2);
		assertThat(jdbc.queryForObject("""
				select o.move_in_date from owner o join unit u on u.id = o.unit_id where u.number = ?""", LocalDate.class,
				units.get(0))).isEqualTo(LocalDate.of(2019, 5, 1));
		assertThat(jdbc.queryForObject("select file_name from estate_import where request_id = ?", String.class, requestId))
			.isEqualTo("迁入.xlsx");
	}

	@Test
	void shouldNotFindAnotherEstatesUnitNumberInThisEstate() {
		HttpResponse<String> refused = bringIn(UUID.randomUUID().toString(), "OWNER", csv("房号,姓名,身份证号,手机号,备用电话,入住日期",
				List.of(units.get(0) + "," + name() + "," + idNumber() + "," + phone() + ",,",
						"1-1-101," + name() + "," + idNumber() + "," + phone() + ",,")));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("第 3 行，房号：本小区没有房号 1-1-101");
		assertThat(count("owner")).isZero();
	}

	@Test
	void shouldRefuseStaffOtherThanTheAdministrator() {
		WebSession manager = WebSession.loggedIn(port, "manager");

		HttpResponse<String> refused = manager.submitMultipart("/", "/estates/households",
				Map.of("householdsRequestId", UUID.randomUUID().toString(), "estate", code, "kind", "VEHICLE"),
				List.of(new FilePart("file", "迁入.csv", "text/csv",
						csv("房号,车牌号,品牌型号,颜色", List.of(units.get(0) + "," + plate() + ",大众朗逸,白色")))));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(count("vehicle")).isZero();
	}

	@Test
	void shouldImportOnceForTheSameRequestSentAgainAndAtOnce() throws Exception {
		String requestId = UUID.randomUUID().toString();
		byte[] file = csv("房号,车牌号,品牌型号,颜色", units.stream().map(unit -> unit + "," + plate() + ",大众朗逸,白色").toList());
		admin.get("/"); // the session's CSRF token made once, not by four pages at once

		ExecutorService clients = Executors.newFixedThreadPool(4);
		List<Future<HttpResponse<String>>> copies;
		try {
			copies = clients.invokeAll(Collections.nCopies(4, () -> bringIn(requestId, "VEHICLE", file)));
		}
		finally {
			clients.shutdown();
		}
		HttpResponse<String> again = bringIn(requestId, "VEHICLE", file);

		String first = again.headers().firstValue("Location").orElseThrow();
		for (Future<HttpResponse<String>> copy : copies) {
			assertThat(copy.get().statusCode()).isEqualTo(302);
			assertThat(copy.get().headers().firstValue("Location")).hasValue(first);
		}
		assertThat(jdbc.queryForObject("select count(*) from estate_import where request_id = ?", Integer.class, requestId))
			.isEqualTo(1);
		assertThat(count("vehicle")).isEqualTo(units.size());
	}

	private HttpResponse<String> bringIn(String requestId, String kind, byte[] csv) {
		return bringIn(requestId, kind, "迁入.csv", csv);
	}

	private HttpResponse<String> bringIn(String requestId, String kind, String fileName, byte[] file) {
		return admin.submitMultipart("/", "/estates/households",
				Map.of("householdsRequestId", requestId, "estate", code.toLowerCase(), "kind", kind),
				List.of(new FilePart("file", fileName, "application/octet-stream", file)));
	}

	/** The table's rows in this test's estate. */
	private int count(String table) {
		return jdbc.queryForObject("""
				select count(*) from %s h join unit u on u.id = h.unit_id join building b on b.id = u.building_id
				  join estate e on e.id = b.estate_id where e.code = ?""".formatted(table), Integer.class, code);
	}

	/** The file as Excel's "CSV UTF-8" saves it. */
	static byte[] csv(String header, List<String> lines) {
		return ("\uFEFF" + header + "\r\n" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	static String name() {
		return "迁入" + PEOPLE.incrementAndGet();
	}

	static String idNumber() {
		String first17 = "11010119800101" + "%03d".formatted(PEOPLE.incrementAndGet() % 1000);
		return first17 + IdNumbers.checkCharacter(first17);
	}

	static String phone() {
		return "139%08d".formatted(PEOPLE.incrementAndGet() % 100_000_000);
	}

	static String plate() {
		StringBuilder plate = new StringBuilder("冀H");
		for (int i = 0; i < 5; i++) {
			plate.append("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789".charAt(ThreadLocalRandom.current().nextInt(34)));
		}
		return plate.toString();
	}

}
