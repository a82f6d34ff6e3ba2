package cn.tianxiacheng.servicecenter.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.fee.CaseFees.CaseFee;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cashier's counter as a cashier closing the drawer and a manager would use it: a unit found
 * by its owner's name, the account with owners and area, 收款日报 of each cashier and of the
 * center, a billing run confirmed after its preview, 收缴率 and arrears by building, and the
 * building's 催缴单. Every figure is checked against what the test sums from the ledger's rows.
 */
@IntegrationTest
class CashierDeskIntegrationTests extends IntegrationTestSupport {

	@Autowired
	BillWriter billWriter;

	@Autowired
	FeeItemRepository items;

	@Autowired
	CaseFees caseFees;

	@Autowired
	CashReport cashReport;

	@Test
	void shouldFindAUnitByItsOwnersNameAndLogTheNamesShown() {
		Map<Long, String> ownersByUnit = new HashMap<>();
		Map<String, Set<Long>> unitsByName = new HashMap<>();
		jdbc.query("select o.unit_id, o.name from owner o join unit u on u.id = o.unit_id where u.building_id in "
				+ TIANXIACHENG_BUILDINGS, rs -> {
			ownersByUnit.merge(rs.getLong(1), rs.getString(2), (a, b) -> a + "、" + b);
			unitsByName.computeIfAbsent(rs.getString(2), n -> new HashSet<>()).add(rs.getLong(1));
		});
		String surname = unitsByName.keySet().stream().map(name -> name.substring(0, 1)).distinct()
			.filter(s -> unitsWithOwnerNameContaining(ownersByUnit, s).size() >= 2
					&& unitsWithOwnerNameContaining(ownersByUnit, s).size() <= 20)
			.findFirst().orElseThrow();
		Set<Long> expected = unitsWithOwnerNameContaining(ownersByUnit, surname);
		int logged = readsLogged();

		WebSession cashier = WebSession.loggedIn(port, "cashier");
		String page = cashier.get("/cashier?number=" + encode(surname)).body();
		List<String> listed = matches(page, "<tr>\\s*<td>([0-9-]+)</td>");
		assertThat(listed).as("one line per unit an owner of which is named with %s", surname).hasSize(expected.size());
		assertThat(page).contains("（" + expected.size() + " 户）", "查看账户");
		for (long unitId : expected) {
			assertThat(page).contains("/cashier/units/" + unitId, ownersByUnit.get(unitId));
		}
		assertThat(readsLogged() - logged).as("each unit's owners read in clear is logged").isEqualTo(expected.size());

		String unique = unitsByName.keySet().stream()
			.filter(name -> unitsWithOwnerNameContaining(ownersByUnit, name).size() == 1)
			.findFirst().orElseThrow();
		long itsUnit = unitsWithOwnerNameContaining(ownersByUnit, unique).iterator().next();
		HttpResponse<String> one = cashier.get("/cashier?number=" + encode(unique));
		assertThat(one.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/cashier/units/" + itsUnit));

		String account = cashier.get("/cashier/units/" + itsUnit).body();
		BigDecimal area = jdbc.queryForObject("select area_m2 from unit where id = ?", BigDecimal.class, itsUnit);
		assertThat(account).contains("业主", ownersByUnit.get(itsUnit), "建筑面积", area.toPlainString() + " m²");

		assertThat(WebSession.loggedIn(port, "guard").get("/cashier?number=" + encode(surname)).statusCode())
			.as("a guard does not look owners up by name").isEqualTo(403);
		assertThat(cashier.get("/cashier?number=" + encode("无此人姓名")).body()).contains("没有房号或业主姓名含");
	}

	@Test
	void shouldReportEachCashiersDayAndTheCentersWithRefundsAsMoneyOut() {
		long unitId = freshUnit(1, 0);
		pay("cashier", unitId, "66.60", "CASH", null);
		pay("cashier", unitId, "40.00", "WECHAT", null);
		String decoration = "ZX-TEST-" + UUID.randomUUID().toString().substring(0, 8);
		caseFees.issue(decoration, unitId, CaseFee.parse("DECORATION_DEPOSIT"), "test");
		long deposit = jdbc.queryForObject("select id from bill where period = ?", Long.class, decoration);
		pay("cashier", unitId, "3000.00", "CASH", List.of(deposit));
		assertThat(StaffApi.call(rest, "manager", HttpMethod.POST, "/api/bills/" + deposit + "/deposit-refund",
				"{\"deduction\":0,\"reason\":\"装修验收合格\",\"method\":\"CASH\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
		LocalDate today = LocalDate.now(clock);

		Map<String, Map<String, BigDecimal[]>> expected = new TreeMap<>();
		Set<Long> reversed = new HashSet<>(jdbc.queryForList(
				"select payment_id from reversal where payment_id is not null", Long.class));
		String txcUnits = "(select unit_id from unit_address where estate_id = (select id from estate where code = 'TXC'))";
		jdbc.query("select id, received_by, method, amount, received_at from payment"
				+ " where method not in ('COMPENSATION', 'OPENING_BALANCE') and unit_id in " + txcUnits, rs -> {
			if (onDay(rs.getTimestamp(5), today) && !reversed.contains(rs.getLong(1))) {
				money(expected, rs.getString(2), rs.getString(3))[0] = money(expected, rs.getString(2), rs.getString(3))[0]
					.add(rs.getBigDecimal(4));
			}
			else if (onDay(rs.getTimestamp(5), today)) {
				money(expected, rs.getString(2), rs.getString(3));
			}
		});
		jdbc.query("select refunded_by, method, amount, refunded_at from refund where unit_id in " + txcUnits, rs -> {
			if (onDay(rs.getTimestamp(4), today)) {
				money(expected, rs.getString(1), rs.getString(2))[1] = money(expected, rs.getString(1), rs.getString(2))[1]
					.add(rs.getBigDecimal(3));
			}
		});
		assertThat(expected).containsKeys("cashier", "manager");

		CashReport.CenterReport center = cashReport.center(jdbc.queryForObject("select id from estate where code = 'TXC'", Long.class), today);
		assertThat(center.byStaff()).extracting(CashReport.Report::staff).containsExactlyElementsOf(expected.keySet());
		BigDecimal[] all = { BigDecimal.ZERO, BigDecimal.ZERO };
		for (CashReport.Report report : center.byStaff()) {
			BigDecimal[] staffSum = { BigDecimal.ZERO, BigDecimal.ZERO };
			for (PaymentMethod method : PaymentMethod.counterMethods()) {
				BigDecimal[] sums = expected.get(report.staff()).getOrDefault(method.name(),
						new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
				assertThat(report.byMethod().get(method).received()).as("%s %s in", report.staff(), method).isEqualByComparingTo(sums[0]);
				assertThat(report.byMethod().get(method).refunded()).as("%s %s out", report.staff(), method).isEqualByComparingTo(sums[1]);
				assertThat(report.byMethod().get(method).net()).isEqualByComparingTo(sums[0].subtract(sums[1]));
				staffSum[0] = staffSum[0].add(sums[0]);
				staffSum[1] = staffSum[1].add(sums[1]);
			}
			assertThat(report.total()).as("%s subtotal", report.staff()).isEqualByComparingTo(staffSum[0].subtract(staffSum[1]));
			all[0] = all[0].add(staffSum[0]);
			all[1] = all[1].add(staffSum[1]);
		}
		assertThat(center.received()).isEqualByComparingTo(all[0]);
		assertThat(center.refunded()).isEqualByComparingTo(all[1]);
		assertThat(center.total()).isEqualByComparingTo(all[0].subtract(all[1]));
		for (PaymentMethod method : PaymentMethod.counterMethods()) {
			BigDecimal in = expected.values().stream().map(m -> m.getOrDefault(method.name(), new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO })[0])
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal out = expected.values().stream().map(m -> m.getOrDefault(method.name(), new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO })[1])
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(center.byMethod().get(method).net()).as("center %s", method).isEqualByComparingTo(in.subtract(out));
		}

		String page = WebSession.loggedIn(port, "manager").get("/cashier/report/center").body();
		BigDecimal[] managerCash = expected.get("manager").get("CASH");
		List<String> cashRow = cells(page, "<tr data-method=\"CASH\">");
		assertThat(cashRow.subList(1, 4)).containsExactly(center.byMethod().get(PaymentMethod.CASH).received().toPlainString(),
				"−" + center.byMethod().get(PaymentMethod.CASH).refunded().toPlainString(),
				center.byMethod().get(PaymentMethod.CASH).net().toPlainString());
		assertThat(page).contains("全中心收款日报", "−" + managerCash[1].setScale(2).toPlainString(), "退款单 ")
			.doesNotContain(">cashier<", ">manager<", today.toString() + "<");
		assertThat(WebSession.loggedIn(port, "cashier").get("/cashier/report/center").statusCode()).isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "receptionist").get("/cashier/report/center").statusCode()).isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "auditor").get("/cashier/report/center").statusCode()).isEqualTo(200);
		assertThat(WebSession.loggedIn(port, "director").get("/cashier/report/center").statusCode()).isEqualTo(200);
	}

	@Test
	void shouldBillNothingBeforeThePreviewIsConfirmedAndOnceForARequest() {
		String period = "2036-07";
		ResponseEntity<Map<String, Object>> preview = StaffApi.call(rest, "cashier", HttpMethod.GET,
				"/api/billing-runs/preview?kind=MONTHLY&period=" + period, null);
		assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(StaffApi.call(rest, "receptionist", HttpMethod.GET, "/api/billing-runs/preview?kind=MONTHLY&period="
				+ period, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		WebSession cashier = WebSession.loggedIn(port, "cashier");
		String previewPage = "/cashier/billing-runs/preview?kind=MONTHLY&period=" + period;
		String shown = cashier.get(previewPage).body();
		assertThat(shown).contains("生成账单预览", "确认生成", preview.getBody().get("total").toString(), "物业管理费");
		assertThat(count("select count(*) from bill where period = ?", period)).as("a preview bills nothing").isZero();
		assertThat(WebSession.loggedIn(port, "guard").get(previewPage).statusCode()).isEqualTo(403);

		String requestId = hidden(shown, "requestId");
		String form = "requestId=" + requestId + "&kind=MONTHLY&period=" + period + "&units=" + hidden(shown, "units")
				+ "&total=" + hidden(shown, "total");
		HttpResponse<String> first = cashier.submit(previewPage, "/cashier/billing-runs", form);
		HttpResponse<String> again = cashier.submit(previewPage, "/cashier/billing-runs", form);
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		ResponseEntity<Map<String, Object>> byScript = StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/billing-runs",
				"{\"requestId\":\"" + requestId + "\",\"kind\":\"MONTHLY\",\"period\":\"" + period + "\"}");
		assertThat(byScript.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/billing-runs", "{\"requestId\":\"" + requestId
				+ "\",\"kind\":\"MONTHLY\",\"period\":\"2036-08\"}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(count("select count(*) from billing_run_request where request_id = ?", requestId)).isEqualTo(1);
		assertThat(count("select count(*) from bill where period = '2036-08'")).as("the refused retry billed nothing").isZero();
		String processInstanceId = jdbc.queryForObject(
				"select process_instance_id from billing_run_request where request_id = ?", String.class, requestId);
		assertThat(byScript.getBody()).containsEntry("processInstanceId", processInstanceId);
		await().until(() -> historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
			.finished().count() == 1);

		Map<String, BigDecimal> byItem = new LinkedHashMap<>();
		Map<String, Integer> billsByItem = new LinkedHashMap<>();
		Set<Long> units = new TreeSet<>();
		jdbc.query("select b.unit_id, f.name, b.amount from bill b join fee_item f on f.id = b.fee_item_id where b.period = ?",
				rs -> {
					units.add(rs.getLong(1));
					byItem.merge(rs.getString(2), rs.getBigDecimal(3), BigDecimal::add);
					billsByItem.merge(rs.getString(2), 1, Integer::sum);
				}, period);
		assertThat(units).isNotEmpty();
		assertThat(((Number) preview.getBody().get("units")).intValue()).isEqualTo(units.size());
		assertThat(new BigDecimal(preview.getBody().get("total").toString()))
			.isEqualByComparingTo(byItem.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> lines = (List<Map<String, Object>>) preview.getBody().get("items");
		assertThat(lines).hasSize(byItem.size());
		for (Map<String, Object> line : lines) {
			assertThat(new BigDecimal(line.get("amount").toString())).as("%s", line.get("item"))
				.isEqualByComparingTo(byItem.get(line.get("item")));
			assertThat(line.get("bills")).isEqualTo(billsByItem.get(line.get("item")));
		}
		String result = cashier.get(URI.create(first.headers().firstValue("Location").orElseThrow()).getPath()).body();
		assertThat(result).contains("已开始生成 2036年7月 月度账单", units.size() + " 户").doesNotContain("BILLING-", ">cashier<");
	}

	@Test
	void shouldShowTheCollectionRateAndArrearsByBuildingAndPrintTheNotices() {
		LocalDate today = LocalDate.now(clock);
		YearMonth month = YearMonth.from(today);
		long partlyPaid = freshUnit(2, 0);
		long prepaid = freshUnit(2, 1);
		long overdue = bill(partlyPaid, "T-" + UUID.randomUUID().toString().substring(0, 8), "320.00", today.minusDays(20));
		pay("cashier", partlyPaid, "100.00", "CASH", List.of(overdue));
		long current = bill(partlyPaid, month.toString(), "200.00", today.plusDays(10));
		pay("cashier", partlyPaid, "120.00", "ALIPAY", List.of(current));
		long small = bill(prepaid, "T-" + UUID.randomUUID().toString().substring(0, 8), "10.00", today.plusDays(10));
		pay("cashier", prepaid, "90.00", "CASH", List.of(small));
		bill(prepaid, "T-" + UUID.randomUUID().toString().substring(0, 8), "150.00", today.minusDays(5));

		Rows rows = Rows.read(jdbc);
		Map<Integer, BigDecimal[]> collection = new TreeMap<>();
		for (Rows.Bill bill : rows.bills.values()) {
			if (bill.period().equals(month.toString()) && bill.income() && !rows.reversedBills.contains(bill.id())) {
				BigDecimal[] sums = collection.computeIfAbsent(bill.building(), b -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
				sums[0] = sums[0].add(bill.amount());
				sums[1] = sums[1].add(rows.paid(bill.id()));
			}
		}
		Map<Long, BigDecimal> arrears = rows.arrears(today);

		String page = WebSession.loggedIn(port, "manager").get("/collection?period=" + month).body();
		for (int building : jdbc.queryForList(
				"select distinct number from building where estate_id = (select id from estate where code = 'TXC')", Integer.class)) {
			BigDecimal[] sums = collection.getOrDefault(building, new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			BigDecimal rate = sums[0].signum() == 0 ? new BigDecimal("0.00")
					: sums[1].multiply(BigDecimal.valueOf(100)).divide(sums[0], 2, RoundingMode.HALF_UP);
			List<Long> owing = arrears.keySet().stream().filter(unit -> rows.buildingOf.get(unit) == building).toList();
			BigDecimal owed = owing.stream().map(arrears::get).reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(cells(page, "<tr data-building=\"" + building + "\">").subList(0, 6)).as("building %s", building)
				.containsExactly(building + "号楼", sums[0].setScale(2).toPlainString(), sums[1].setScale(2).toPlainString(),
						rate.toPlainString() + "%", String.valueOf(owing.size()), owed.setScale(2).toPlainString());
		}
		assertThat(collection.get(2)[1]).as("the test's own payment is in building 2's figures").isGreaterThanOrEqualTo(new BigDecimal("120.00"));
		assertThat(arrears.get(partlyPaid)).isEqualByComparingTo("220.00");
		assertThat(arrears.get(prepaid)).as("overdue less the prepaid money").isEqualByComparingTo("70.00");

		String notices = WebSession.loggedIn(port, "cashier").get("/collection/buildings/2/notices").body();
		Map<String, String> owedByUnit = new TreeMap<>();
		Matcher notice = Pattern.compile("data-unit=\"([0-9-]+)\"[\\s\\S]*?class=\"num owed\">([0-9.]+)<").matcher(notices);
		while (notice.find()) {
			owedByUnit.put(notice.group(1), notice.group(2));
		}
		Map<String, String> expectedNotices = new TreeMap<>();
		arrears.forEach((unit, owed) -> {
			if (rows.buildingOf.get(unit) == 2) {
				expectedNotices.put(rows.numberOf.get(unit), owed.setScale(2).toPlainString());
			}
		});
		assertThat(owedByUnit).as("one notice per unit of building 2 in arrears, with what it owes").isEqualTo(expectedNotices);
		assertThat(notices).contains("催缴通知单", "预存余额抵扣", "−80.00").doesNotContain(today.toString() + "<");

		assertThat(WebSession.loggedIn(port, "auditor").get("/collection").statusCode()).isEqualTo(200);
		assertThat(WebSession.loggedIn(port, "director").get("/collection").statusCode()).isEqualTo(200);
		assertThat(WebSession.loggedIn(port, "cashier").get("/collection").statusCode()).isEqualTo(200);
		assertThat(WebSession.loggedIn(port, "guard").get("/collection").statusCode()).isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "receptionist").get("/collection").statusCode()).isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "auditor").get("/collection/buildings/2/notices").statusCode()).isEqualTo(403);
	}

	/** The ledger's rows the collection and arrears figures are summed from. */
	record Rows(Map<Long, Bill> bills, Map<Long, Long> paymentUnit, Map<Long, BigDecimal> paymentAmount,
			List<Object[]> allocations, Map<Long, BigDecimal> refundsByUnit, Set<Long> reversedBills,
			Set<Long> reversedPayments, Map<Long, Integer> buildingOf, Map<Long, String> numberOf) {

		record Bill(long id, long unitId, int building, String period, BigDecimal amount, LocalDate due, boolean income) {
		}

		static Rows read(JdbcTemplate jdbc) {
			Map<Long, Bill> bills = new HashMap<>();
			jdbc.query("""
					select b.id, b.unit_id, bd.number, b.period, b.amount, b.due_date, f.income
					  from bill b join fee_item f on f.id = b.fee_item_id join unit u on u.id = b.unit_id
					  join building bd on bd.id = u.building_id""", rs -> {
				bills.put(rs.getLong(1), new Bill(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
						rs.getBigDecimal(5), rs.getDate(6).toLocalDate(), rs.getBoolean(7)));
			});
			Map<Long, Long> paymentUnit = new HashMap<>();
			Map<Long, BigDecimal> paymentAmount = new HashMap<>();
			jdbc.query("select id, unit_id, amount from payment", rs -> {
				paymentUnit.put(rs.getLong(1), rs.getLong(2));
				paymentAmount.put(rs.getLong(1), rs.getBigDecimal(3));
			});
			List<Object[]> allocations = jdbc.query("select payment_id, bill_id, amount from payment_allocation",
					(rs, i) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3) });
			Map<Long, BigDecimal> refunds = new HashMap<>();
			jdbc.query("select unit_id, amount from refund", rs -> {
				refunds.merge(rs.getLong(1), rs.getBigDecimal(2), BigDecimal::add);
			});
			Set<Long> reversedBills = new HashSet<>(jdbc.queryForList("select bill_id from reversal where bill_id is not null", Long.class));
			Set<Long> reversedPayments = new HashSet<>(
					jdbc.queryForList("select payment_id from reversal where payment_id is not null", Long.class));
			Map<Long, Integer> buildingOf = new HashMap<>();
			Map<Long, String> numberOf = new HashMap<>();
			jdbc.query("select u.id, b.number, u.number from unit u join building b on b.id = u.building_id", rs -> {
				buildingOf.put(rs.getLong(1), rs.getInt(2));
				numberOf.put(rs.getLong(1), rs.getString(3));
			});
			return new Rows(bills, paymentUnit, paymentAmount, allocations, refunds, reversedBills, reversedPayments,
					buildingOf, numberOf);
		}

		/** What payments that stand paid of the bill. */
		BigDecimal paid(long billId) {
			return allocations.stream()
				.filter(a -> (long) a[1] == billId && !reversedPayments.contains((Long) a[0]))
				.map(a -> (BigDecimal) a[2]).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

		/** Each unit's overdue money on standing bills, less its prepaid money, where more than 0. */
		Map<Long, BigDecimal> arrears(LocalDate today) {
			Map<Long, BigDecimal> overdue = new HashMap<>();
			for (Bill bill : bills.values()) {
				BigDecimal open = bill.amount().subtract(paid(bill.id()));
				if (bill.due().isBefore(today) && !reversedBills.contains(bill.id()) && open.signum() > 0) {
					overdue.merge(bill.unitId(), open, BigDecimal::add);
				}
			}
			Map<Long, BigDecimal> credit = new HashMap<>();
			paymentAmount.forEach((payment, amount) -> {
				if (!reversedPayments.contains(payment)) {
					credit.merge(paymentUnit.get(payment), amount, BigDecimal::add);
				}
			});
			for (Object[] a : allocations) {
				if (!reversedPayments.contains((Long) a[0]) && !reversedBills.contains((Long) a[1])) {
					credit.merge(paymentUnit.get((Long) a[0]), ((BigDecimal) a[2]).negate(), BigDecimal::add);
				}
			}
			refundsByUnit.forEach((unit, amount) -> credit.merge(unit, amount.negate(), BigDecimal::add));
			Map<Long, BigDecimal> arrears = new HashMap<>();
			overdue.forEach((unit, open) -> {
				BigDecimal owed = open.subtract(credit.getOrDefault(unit, BigDecimal.ZERO).max(BigDecimal.ZERO));
				if (owed.signum() > 0) {
					arrears.put(unit, owed);
				}
			});
			return arrears;
		}

	}

	private static Set<Long> unitsWithOwnerNameContaining(Map<Long, String> ownersByUnit, String text) {
		Set<Long> units = new HashSet<>();
		ownersByUnit.forEach((unit, names) -> {
			if (names.contains(text)) {
				units.add(unit);
			}
		});
		return units;
	}

	private int readsLogged() {
		return count("select count(*) from personal_data_read where read_by = 'cashier' and purpose = ?", "收费台按业主姓名查找");
	}

	/**
	 * An occupied unit of the building, the n-th one, that never paid and owes nothing due: other
	 * tests' runs may have billed it for months to come.
	 */
	private long freshUnit(int building, int nth) {
		LocalDate today = LocalDate.now(clock);
		return jdbc.queryForList("""
				select u.id from unit u join building b on b.id = u.building_id join estate e on e.id = b.estate_id
				 where e.code = 'TXC' and b.number = ? and u.status = 'OCCUPIED'
				   and not exists (select 1 from payment where unit_id = u.id)
				   and not exists (select 1 from bill where unit_id = u.id and (due_date < ? or period = ?))
				 order by u.id desc""", Long.class, building, Date.valueOf(today),
				YearMonth.from(today).toString()).get(nth);
	}

	private long bill(long unitId, String period, String amount, LocalDate due) {
		FeeItem management = items.findAll().stream().filter(i -> i.getCode().equals(BillingRuns.MANAGEMENT_FEE))
			.findFirst().orElseThrow();
		billWriter.insert(List.of(new NewBill(unitId, management.getId(), period, "", null, null, new BigDecimal(amount),
				due, "物业管理费 " + period)), clock.instant(), "test");
		return jdbc.queryForObject("select id from bill where period = ? and unit_id = ?", Long.class, period, unitId);
	}

	private void pay(String user, long unitId, String amount, String method, List<Long> billIds) {
		ResponseEntity<Map<String, Object>> paid = StaffApi.call(rest, user, HttpMethod.POST, "/api/payments",
				"{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"unitId\":" + unitId + ",\"amount\":" + amount
						+ ",\"method\":\"" + method + "\"" + (billIds == null ? "" : ",\"billIds\":" + billIds) + "}");
		assertThat(paid.getStatusCode()).as("payment %s", paid.getBody()).isEqualTo(HttpStatus.OK);
	}

	private static BigDecimal[] money(Map<String, Map<String, BigDecimal[]>> sums, String staff, String method) {
		return sums.computeIfAbsent(staff, s -> new HashMap<>())
			.computeIfAbsent(method, m -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
	}

	private boolean onDay(Timestamp at, LocalDate day) {
		return at.toInstant().atZone(clock.getZone()).toLocalDate().equals(day);
	}

	private int count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Integer.class, args);
	}

	/** The texts of the cells of the table row that begins with the marker. */
	static List<String> cells(String page, String rowMarker) {
		int start = page.indexOf(rowMarker);
		assertThat(start).as("the page has the row %s", rowMarker).isNotNegative();
		String row = page.substring(start, page.indexOf("</tr>", start));
		List<String> cells = new ArrayList<>();
		Matcher cell = Pattern.compile("<t[dh][^>]*>([^<]*)</t[dh]>").matcher(row);
		while (cell.find()) {
			cells.add(cell.group(1).strip());
		}
		return cells;
	}

	private static List<String> matches(String page, String regex) {
		List<String> found = new ArrayList<>();
		Matcher matcher = Pattern.compile(regex).matcher(page);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static String hidden(String page, String name) {
		Matcher value = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
		assertThat(value.find()).as("the page carries %s", name).isTrue();
		return value.group(1);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
