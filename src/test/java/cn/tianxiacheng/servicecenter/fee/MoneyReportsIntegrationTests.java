package cn.tianxiacheng.servicecenter.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

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
 * The two money reports staff and owners rely on, 收款日报 and 收支表, after a month of the
 * estate driven through the application (payments in cash and by other methods, a prepayment, a
 * decoration deposit collected and refunded less a deduction, a compensation credit, a reversed
 * payment): every line equals what the test sums itself from the ledger's rows.
 */
@IntegrationTest
class MoneyReportsIntegrationTests extends IntegrationTestSupport {

	@Autowired
	CaseFees caseFees;

	@Autowired
	BillWriter billWriter;

	@Autowired
	FeeItemRepository items;

	@Autowired
	Compensations compensations;

	@Autowired
	CashReport cashReport;

	@Test
	void shouldShowTheCashiersDayWithItsRefundsLineByLine() {
		driveAMonth();
		LocalDate today = LocalDate.now(clock);

		LedgerRows expected = LedgerRows.read(jdbc);
		CashReport.Report report = cashReport.of("cashier", jdbc.queryForObject("select id from estate where code = 'TXC'", Long.class), today);
		assertThat(LedgerRows.read(jdbc)).as("nothing moved while the report was read").isEqualTo(expected);

		List<LedgerRows.PaymentRow> taken = expected.payments().stream()
			.filter(p -> p.receivedBy().equals("cashier") && !p.method().equals("COMPENSATION") && onDay(p.at(), today))
			.toList();
		assertThat(report.lines()).hasSize(taken.size());
		for (int i = 0; i < taken.size(); i++) {
			LedgerRows.PaymentRow row = taken.get(i);
			CashReport.Line line = report.lines().get(i);
			assertThat(line.receiptNumber()).isEqualTo(row.receiptNumber());
			assertThat(line.amount()).isEqualByComparingTo(row.amount());
			assertThat(line.method().name()).isEqualTo(row.method());
			assertThat(line.reversed()).isEqualTo(expected.reversedPayments().containsKey(row.id()));
		}
		List<LedgerRows.RefundRow> handedBack = expected.refunds().stream()
			.filter(r -> r.refundedBy().equals("cashier") && onDay(r.at(), today))
			.toList();
		assertThat(report.refunds()).extracting(RefundSlips.RefundLine::id)
			.containsExactlyElementsOf(handedBack.stream().map(LedgerRows.RefundRow::id).toList());

		BigDecimal allIn = BigDecimal.ZERO;
		BigDecimal allOut = BigDecimal.ZERO;
		for (PaymentMethod method : PaymentMethod.counterMethods()) {
			BigDecimal in = taken.stream()
				.filter(p -> p.method().equals(method.name()) && !expected.reversedPayments().containsKey(p.id()))
				.map(LedgerRows.PaymentRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal out = handedBack.stream().filter(r -> r.method().equals(method.name()))
				.map(LedgerRows.RefundRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
			CashReport.MethodTotal line = report.byMethod().get(method);
			assertThat(line.received()).as("%s received", method).isEqualByComparingTo(in);
			assertThat(line.refunded()).as("%s refunded", method).isEqualByComparingTo(out);
			assertThat(line.net()).as("%s to hand over", method).isEqualByComparingTo(in.subtract(out));
			allIn = allIn.add(in);
			allOut = allOut.add(out);
		}
		assertThat(report.byMethod().get(PaymentMethod.CASH).refunded()).as("the deposit went back in cash").isPositive();
		assertThat(report.received()).isEqualByComparingTo(allIn);
		assertThat(report.refunded()).isEqualByComparingTo(allOut);
		assertThat(report.total()).isEqualByComparingTo(allIn.subtract(allOut));

		String page = WebSession.loggedIn(port, "cashier").get("/cashier/report").body();
		assertThat(page).contains("收款日报", "退款明细", "应交", report.byMethod().get(PaymentMethod.CASH).net().toPlainString())
			.doesNotContain("· cashier");
		long slip = handedBack.get(handedBack.size() - 1).id();
		String slipPage = WebSession.loggedIn(port, "cashier").get("/cashier/refunds/" + slip).body();
		assertThat(slipPage).contains("退款单", "领款人签字", "贰仟捌佰元整");
		String account = WebSession.loggedIn(port, "cashier")
			.get("/cashier/units/" + handedBack.get(handedBack.size() - 1).unitId()).body();
		assertThat(account).contains("退款记录", RefundSlips.number(slip));
	}

	@Test
	void shouldStateTheMonthLineByLineFromTheLedger() {
		driveAMonth();
		YearMonth month = YearMonth.now(clock);
		Instant from = month.atDay(1).atStartOfDay(clock.getZone()).toInstant();
		Instant to = month.plusMonths(1).atDay(1).atStartOfDay(clock.getZone()).toInstant();

		LedgerRows ledger = LedgerRows.read(jdbc);
		Map<String, Object> statement = StaffApi.call(rest, "auditor", HttpMethod.GET,
				"/api/reports/statement?period=" + month, null).getBody();
		assertThat(LedgerRows.read(jdbc)).as("nothing moved while the statement was read").isEqualTo(ledger);

		Map<String, BigDecimal> income = new TreeMap<>();
		BigDecimal compensation = BigDecimal.ZERO;
		BigDecimal depositsIn = BigDecimal.ZERO;
		for (LedgerRows.AllocationRow a : ledger.allocations()) {
			LedgerRows.PaymentRow payment = ledger.payment(a.paymentId());
			LedgerRows.BillRow bill = ledger.bill(a.billId());
			if (a.at().isBefore(from) || !a.at().isBefore(to) || ledger.reversedBefore(payment, to)
					|| payment.method().equals("OPENING_BALANCE")) {
				continue; // an estate's opening credit was taken in the system it came from: no month's money here
			}
			boolean billStands = !ledger.reversedBefore(bill, to);
			if (payment.method().equals("COMPENSATION")) {
				compensation = billStands ? compensation.add(a.amount()) : compensation;
			}
			else if (bill.income() && billStands) {
				income.merge(bill.itemName(), a.amount(), BigDecimal::add);
			}
			else if (!bill.income() && (billStands || ledger.refundedDeposit(bill))) {
				depositsIn = depositsIn.add(a.amount());
			}
		}
		BigDecimal depositsOut = ledger.refunds().stream()
			.filter(r -> !r.at().isBefore(from) && r.at().isBefore(to) && !ledger.bill(r.billId()).income())
			.map(LedgerRows.RefundRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal prepaid = BigDecimal.ZERO;
		for (LedgerRows.PaymentRow payment : ledger.payments()) {
			if (!payment.at().isBefore(to) || ledger.reversedBefore(payment, to)) {
				continue;
			}
			BigDecimal left = payment.amount();
			for (LedgerRows.AllocationRow a : ledger.allocations()) {
				if (a.paymentId() == payment.id() && a.at().isBefore(to) && !ledger.reversedBefore(ledger.bill(a.billId()), to)) {
					left = left.subtract(a.amount());
				}
			}
			for (LedgerRows.RefundRow r : ledger.refunds()) {
				if (r.paymentId() == payment.id() && r.at().isBefore(to)) {
					left = left.subtract(r.amount());
				}
			}
			prepaid = prepaid.add(left);
		}
		Map<String, BigDecimal> expenses = new TreeMap<>();
		jdbc.query("select category, amount from expense where period = ?",
				rs -> {
					expenses.merge(rs.getString(1), rs.getBigDecimal(2), BigDecimal::add);
				}, month.toString());

		List<String> expectedLines = new ArrayList<>();
		income.forEach((item, amount) -> expectedLines.add("收入|" + item + "|" + amount.setScale(2)));
		expectedLines.add("补偿（不计收入）|补偿抵扣|" + compensation.setScale(2));
		expectedLines.add("代收押金（不计收入）|收取押金|" + depositsIn.setScale(2));
		expectedLines.add("代收押金（不计收入）|退还押金|" + depositsOut.negate().setScale(2));
		expectedLines.add("预收款（不计收入）|业主预存（月末余额）|" + prepaid.setScale(2));
		expenses.forEach((category, amount) -> expectedLines.add("支出|" + category + "|" + amount.setScale(2)));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> lines = (List<Map<String, Object>>) statement.get("lines");
		assertThat(lines.stream().map(l -> l.get("section") + "|" + l.get("item") + "|"
				+ new BigDecimal(l.get("amount").toString()).setScale(2)).toList()).containsExactlyInAnyOrderElementsOf(expectedLines);

		BigDecimal totalIncome = income.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal totalExpenses = expenses.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(new BigDecimal(statement.get("income").toString())).isEqualByComparingTo(totalIncome);
		assertThat(new BigDecimal(statement.get("expenses").toString())).isEqualByComparingTo(totalExpenses);
		assertThat(new BigDecimal(statement.get("surplus").toString()))
			.isEqualByComparingTo(totalIncome.subtract(totalExpenses));
		assertThat(depositsIn).as("the refunded deposit was collected all the same").isGreaterThanOrEqualTo(new BigDecimal("3000"));
		assertThat(compensation).as("the credit is shown, not as income").isGreaterThanOrEqualTo(new BigDecimal("50"));
	}

	/**
	 * A month at the counter: a management fee paid in cash, another by WeChat, a prepayment, a
	 * payment taken in error and reversed, a compensation credit against a fee, an expense, and a
	 * decoration deposit paid in cash and refunded in cash less 200.00 for a damaged wall.
	 */
	private void driveAMonth() {
		long first = unit("2-2-1101");
		long second = unit("2-2-1102");
		pay(first, "268.40", "CASH", List.of(managementBill(first, "268.40")));
		pay(second, "199.90", "WECHAT", List.of(managementBill(second, "199.90")));
		pay(second, "500.00", "BANK_CARD", null);
		long wrong = pay(first, "88.00", "ALIPAY", null);
		assertThat(StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/payments/" + wrong + "/reversal",
				"{\"reason\":\"收错房号\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		managementBill(first, "120.00");
		compensations.grant("TS-TEST-" + UUID.randomUUID().toString().substring(0, 8), first, new BigDecimal("50.00"),
				Compensations.Kind.CREDIT, UUID.randomUUID().toString(), "manager");
		assertThat(StaffApi.call(rest, "manager", HttpMethod.POST, "/api/expenses", "{\"requestId\":\"" + UUID.randomUUID()
				+ "\",\"period\":\"" + YearMonth.now(clock) + "\",\"category\":\"绿化养护\",\"amount\":360.25,"
				+ "\"description\":\"补种草坪\"}").getStatusCode()).isEqualTo(HttpStatus.CREATED);

		String decoration = "ZX-TEST-" + UUID.randomUUID().toString().substring(0, 8);
		caseFees.issue(decoration, first, CaseFee.parse("DECORATION_DEPOSIT"), "test");
		long deposit = jdbc.queryForObject("select id from bill where period = ?", Long.class, decoration);
		pay(first, "3000.00", "CASH", List.of(deposit));
		ResponseEntity<Map<String, Object>> refunded = StaffApi.call(rest, "cashier", HttpMethod.POST,
				"/api/bills/" + deposit + "/deposit-refund",
				"{\"deduction\":200.00,\"reason\":\"损坏公共墙面\",\"method\":\"CASH\"}");
		assertThat(refunded.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(new BigDecimal(refunded.getBody().get("refunded").toString())).isEqualByComparingTo("2800.00");
	}

	private long pay(long unitId, String amount, String method, List<Long> billIds) {
		ResponseEntity<Map<String, Object>> paid = StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/payments",
				"{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"unitId\":" + unitId + ",\"amount\":" + amount
						+ ",\"method\":\"" + method + "\"" + (billIds == null ? "" : ",\"billIds\":" + billIds) + "}");
		assertThat(paid.getStatusCode()).as("payment %s", paid.getBody()).isEqualTo(HttpStatus.OK);
		return ((Number) paid.getBody().get("paymentId")).longValue();
	}

	private long managementBill(long unitId, String amount) {
		FeeItem management = items.findAll().stream().filter(i -> i.getCode().equals(BillingRuns.MANAGEMENT_FEE))
			.findFirst().orElseThrow();
		String period = "T-" + UUID.randomUUID().toString().substring(0, 8);
		billWriter.insert(List.of(new NewBill(unitId, management.getId(), period, "", null, null, new BigDecimal(amount),
				LocalDate.now(clock), "物业管理费 " + period)), clock.instant(), "test");
		return jdbc.queryForObject("select id from bill where period = ?", Long.class, period);
	}

	private long unit(String number) {
		return jdbc.queryForObject("select id from unit where number = ?", Long.class, number);
	}

	private boolean onDay(Instant at, LocalDate day) {
		return at.atZone(clock.getZone()).toLocalDate().equals(day);
	}

	/** The ledger's rows, read as they are stored: what the test sums the reports from. */
	record LedgerRows(List<PaymentRow> payments, List<AllocationRow> allocations, Map<Long, BillRow> bills,
			List<RefundRow> refunds, Map<Long, Instant> reversedPayments, Map<Long, Instant> reversedBills,
			Set<Long> refundReversals) {

		record PaymentRow(long id, BigDecimal amount, String method, String receiptNumber, Instant at, String receivedBy) {
		}

		record AllocationRow(long paymentId, long billId, BigDecimal amount, Instant at) {
		}

		record BillRow(long id, String itemName, boolean income) {
		}

		record RefundRow(long id, long unitId, long billId, long paymentId, BigDecimal amount, String method, Instant at,
				String refundedBy) {
		}

		/** 天下城's units: the reports are of the estate the viewer works in. */
		private static final String TXC_UNITS = "(select unit_id from unit_address where estate_id = "
				+ "(select id from estate where code = 'TXC'))";

		static LedgerRows read(JdbcTemplate jdbc) {
			List<PaymentRow> payments = jdbc.query(
					"select id, amount, method, receipt_number, received_at, received_by from payment where unit_id in "
							+ TXC_UNITS + " order by received_at, id",
					(rs, i) -> new PaymentRow(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3), rs.getString(4),
							rs.getTimestamp(5).toInstant(), rs.getString(6)));
			List<AllocationRow> allocations = jdbc.query(
					"select payment_id, bill_id, amount, allocated_at from payment_allocation where payment_id in "
							+ "(select id from payment where unit_id in " + TXC_UNITS + ") order by id",
					(rs, i) -> new AllocationRow(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getTimestamp(4).toInstant()));
			Map<Long, BillRow> bills = new HashMap<>();
			jdbc.query("select b.id, f.name, f.income from bill b join fee_item f on f.id = b.fee_item_id where b.unit_id in "
					+ TXC_UNITS, rs -> {
				bills.put(rs.getLong(1), new BillRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3)));
			});
			List<RefundRow> refunds = jdbc.query("""
					select id, unit_id, bill_id, payment_id, amount, method, refunded_at, refunded_by from refund
					 where unit_id in %s order by refunded_at, id""".formatted(TXC_UNITS), (rs, i) -> new RefundRow(rs.getLong(1), rs.getLong(2), rs.getLong(3),
					rs.getLong(4), rs.getBigDecimal(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)));
			Map<Long, Instant> reversedPayments = new HashMap<>();
			Map<Long, Instant> reversedBills = new HashMap<>();
			Set<Long> refundReversals = new HashSet<>();
			jdbc.query("select payment_id, bill_id, reversed_at, reason from reversal", rs -> {
				Instant at = rs.getTimestamp(3).toInstant();
				if (rs.getObject(1) != null) {
					reversedPayments.put(rs.getLong(1), at);
				}
				else {
					reversedBills.put(rs.getLong(2), at);
					if (rs.getString(4).startsWith("押金退还：")) {
						refundReversals.add(rs.getLong(2));
					}
				}
			});
			return new LedgerRows(payments, allocations, bills, refunds, reversedPayments, reversedBills, refundReversals);
		}

		PaymentRow payment(long id) {
			return payments.stream().filter(p -> p.id() == id).findFirst().orElseThrow();
		}

		BillRow bill(long id) {
			return bills.get(id);
		}

		boolean reversedBefore(PaymentRow payment, Instant end) {
			Instant at = reversedPayments.get(payment.id());
			return at != null && at.isBefore(end);
		}

		boolean reversedBefore(BillRow bill, Instant end) {
			Instant at = reversedBills.get(bill.id());
			return at != null && at.isBefore(end);
		}

		/** A deposit whose bill was reversed by its refund: it was collected. */
		boolean refundedDeposit(BillRow bill) {
			return refundReversals.contains(bill.id());
		}

	}

}
