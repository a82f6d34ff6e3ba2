package cn.tianxiacheng.servicecenter.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
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
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.WebSession.FilePart;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The administrator adds an estate from a CSV file of its buildings and units: all or nothing,
 * every bad line named, each import kept as a record, a repeated request answered once.
 */
@IntegrationTest
class EstateImportIntegrationTests extends IntegrationTestSupport {

	/** Buildings numbered apart from 天下城's (1–3) and from the browser test's (9000 on), ten for each test. */
	private static final AtomicInteger BUILDINGS = new AtomicInteger(100);

	private final int building = BUILDINGS.getAndAdd(10);

	private final String code = "T" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36)
		.toUpperCase();

	@Test
	void shouldImportNothingFromAFileWithOneBadLineAndEveryUnitOnceItIsCorrected() {
		WebSession admin = WebSession.loggedIn(port, "admin");
		String requestId = UUID.randomUUID().toString();
		int unitsBefore = count("select count(*) from unit");
		List<String> lines = units(building, 2, 3, 2);
		List<String> bad = new ArrayList<>(lines);
		bad.set(4, bad.get(4).replace(",89.50,", ",-89.50,")); // line 6 of the file, after the header

		HttpResponse<String> refused = add(admin, requestId, "测试小区" + code, code, csv(bad, true));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("第 6 行，建筑面积", "未导入任何内容");
		assertThat(count("select count(*) from estate where code = ?", code)).isZero();
		assertThat(count("select count(*) from unit")).isEqualTo(unitsBefore);
		assertThat(count("select count(*) from estate_import where request_id = ?", requestId)).isZero();

		HttpResponse<String> imported = add(admin, requestId, "测试小区" + code, code, csv(lines, true));

		assertThat(imported.statusCode()).isEqualTo(302);
		assertThat(count("""
				select count(*) from unit u join building b on b.id = u.building_id join estate e on e.id = b.estate_id
				 where e.code = ?""", code)).isEqualTo(lines.size());
		assertThat(count("select count(*) from unit")).isEqualTo(unitsBefore + lines.size());
		Map<String, Object> record = jdbc.queryForMap("""
				select i.file_name, i.data_rows, i.buildings_created, i.units_created, i.imported_by, e.time_zone
				  from estate_import i join estate e on e.id = i.estate_id where i.request_id = ?""", requestId);
		assertThat(record).containsEntry("file_name", "楼栋房屋.csv")
			.containsEntry("data_rows", lines.size())
			.containsEntry("buildings_created", 2)
			.containsEntry("units_created", lines.size())
			.containsEntry("imported_by", "admin")
			.containsEntry("time_zone", "Asia/Shanghai");

		long estateId = jdbc.queryForObject("select id from estate where code = ?", Long.class, code);
		long txc = jdbc.queryForObject("select id from estate where code = 'TXC'", Long.class);
		String today = "date '" + LocalDate.now(clock).withDayOfMonth(1) + "'";
		String ratesInForce = """
				select i.code, coalesce(r.unit_type, '-') as unit_type, r.price from fee_rate r
				  join fee_item i on i.id = r.fee_item_id
				 where i.estate_id = ? and r.valid_from <= %s and (r.valid_to is null or r.valid_to >= %s)
				 order by i.code, unit_type""".formatted(today, today);
		await().untilAsserted(() -> assertThat(count("select count(*) from fee_item where estate_id = ?", estateId))
			.as("the company's fee items").isEqualTo(count("select count(*) from fee_item where estate_id = ?", txc)));
		assertThat(jdbc.queryForList(ratesInForce, estateId)).as("at 天下城's prices of this month")
			.isEqualTo(jdbc.queryForList(ratesInForce, txc))
			.isNotEmpty();

		String page = admin.get(imported.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))
			.body();
		assertThat(page).contains("已添加小区“测试小区" + code + "”（" + code + "）：2 栋楼、" + lines.size() + " 套房屋",
				"楼栋房屋.csv", "系统管理员", "年");
	}

	@Test
	void shouldReadAFileWithoutTheByteOrderMark() {
		WebSession admin = WebSession.loggedIn(port, "admin");
		List<String> lines = units(building, 1, 2, 2);

		HttpResponse<String> imported = add(admin, UUID.randomUUID().toString(), "无BOM小区" + code, code,
				csv(lines, false));

		assertThat(imported.statusCode()).isEqualTo(302);
		assertThat(count("""
				select count(*) from unit u join building b on b.id = u.building_id join estate e on e.id = b.estate_id
				 where e.code = ?""", code)).isEqualTo(lines.size());
	}

	@Test
	void shouldRefuseACodeAnotherEstateHas() {
		WebSession admin = WebSession.loggedIn(port, "admin");
		int estates = count("select count(*) from estate");

		HttpResponse<String> sameCode = add(admin, UUID.randomUUID().toString(), "重复代码小区" + code, "txc",
				csv(units(building, 1, 1, 1), true));
		HttpResponse<String> badCode = add(admin, UUID.randomUUID().toString(), "代码有误小区" + code, "天下",
				csv(units(building, 1, 1, 1), true));

		assertThat(sameCode.statusCode()).isEqualTo(409);
		assertThat(sameCode.body()).contains("小区代码 TXC 已被“天下城”使用");
		assertThat(badCode.statusCode()).isEqualTo(400);
		assertThat(badCode.body()).contains("小区代码须为 2–6 位大写字母或数字");
		assertThat(count("select count(*) from estate")).isEqualTo(estates);
	}

	@Test
	void shouldAddAnEstateWhoseBuildingsAndUnitsAreNumberedAsTianxiachengs() {
		WebSession admin = WebSession.loggedIn(port, "admin");

		HttpResponse<String> imported = add(admin, UUID.randomUUID().toString(), "同号小区" + code, code,
				csv(List.of("1,1号楼,3,18,1-1-101,1,1,89.50,住宅"), true));

		assertThat(imported.statusCode()).isEqualTo(302);
		String estates = """
				select count(distinct e.code) from unit u join building b on b.id = u.building_id
				  join estate e on e.id = b.estate_id where u.number = '1-1-101' and b.number = 1 and e.code in ('TXC', ?)""";
		assertThat(count(estates, code)).isEqualTo(2);
		// other tests take 天下城's units by their number alone
		jdbc.update("""
				update unit set number = 'X' || id where building_id in (select b.id from building b
				  join estate e on e.id = b.estate_id where e.code = ?)""", code);
	}

	@Test
	void shouldRefuseStaffOtherThanTheAdministrator() {
		WebSession manager = WebSession.loggedIn(port, "manager");
		int estates = count("select count(*) from estate");

		assertThat(manager.get("/estates").statusCode()).isEqualTo(403);
		HttpResponse<String> added = manager.submitMultipart("/", "/estates",
				Map.of("requestId", UUID.randomUUID().toString(), "name", "越权小区" + code, "code", code, "address", "某路 1 号"),
				List.of(file(csv(units(building, 1, 1, 1), true))));

		assertThat(added.statusCode()).isEqualTo(403);
		assertThat(count("select count(*) from estate")).isEqualTo(estates);
	}

	@Test
	void shouldAddOneEstateForTheSameRequestSentAgainAndAtOnce() throws Exception {
		WebSession admin = WebSession.loggedIn(port, "admin");
		String requestId = UUID.randomUUID().toString();
		byte[] file = csv(units(building, 2, 2, 2), true);
		admin.get("/"); // the session's CSRF token made once, not by four pages at once

		ExecutorService clients = Executors.newFixedThreadPool(4);
		List<Future<HttpResponse<String>>> copies;
		try {
			copies = clients.invokeAll(Collections.nCopies(4,
					() -> add(admin, requestId, "重复提交小区" + code, code, file)));
		}
		finally {
			clients.shutdown();
		}
		HttpResponse<String> again = add(admin, requestId, "重复提交小区" + code, code, file);

		String first = again.headers().firstValue("Location").orElseThrow();
		for (Future<HttpResponse<String>> copy : copies) {
			assertThat(copy.get().statusCode()).isEqualTo(302);
			assertThat(copy.get().headers().firstValue("Location")).hasValue(first);
		}
		assertThat(count("select count(*) from estate where code = ?", code)).isEqualTo(1);
		assertThat(count("select count(*) from estate_import where request_id = ?", requestId)).isEqualTo(1);
		assertThat(count("""
				select count(*) from unit u join building b on b.id = u.building_id join estate e on e.id = b.estate_id
				 where e.code = ?""", code)).isEqualTo(8);
	}

	/** Units of {@code buildings} buildings from {@code first} on, each with its entrances and floors, one unit a floor. */
	static List<String> units(int first, int buildings, int entrances, int floors) {
		List<String> lines = new ArrayList<>();
		for (int b = first; b < first + buildings; b++) {
			for (int e = 1; e <= entrances; e++) {
				for (int f = 1; f <= floors; f++) {
					lines.add("%d,%d号楼,%d,%d,%d-%d-%d01,%d,%d,89.50,%s".formatted(b, b, entrances, floors, b, e, f, e, f,
							f == 1 ? "商铺" : "住宅"));
				}
			}
		}
		return lines;
	}

	/** The file as Excel's "CSV UTF-8" saves it: with the byte order mark, CRLF line ends. */
	static byte[] csv(List<String> lines, boolean byteOrderMark) {
		String text = (byteOrderMark ? "\uFEFF" : "") + "楼栋号,楼栋名称,单元数,楼层数,房号,单元,楼层,建筑面积,类型\r\n"
				+ String.join("\r\n", lines) + "\r\n";
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static FilePart file(byte[] csv) {
		return new FilePart("file", "楼栋房屋.csv", "text/csv", csv);
	}

	private static HttpResponse<String> add(WebSession admin, String requestId, String name, String code, byte[] csv) {
		return admin.submitMultipart("/", "/estates",
				Map.of("requestId", requestId, "name", name, "code", code, "address", "测试路 8 号"), List.of(file(csv)));
	}

	private int count(String sql, Object... arguments) {
		return jdbc.queryForObject(sql, Integer.class, arguments);
	}

}
