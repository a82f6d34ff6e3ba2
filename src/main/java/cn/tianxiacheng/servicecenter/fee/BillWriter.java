package cn.tianxiacheng.servicecenter.fee;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one way a bill comes into being, whatever its kind (monthly, heating, metered, shared
 * cost, case fees, move-in fees, rent): inserted in JDBC batches (billing writes tens of
 * thousands of rows a run; the unique key (unit, item, period, subject) keeps a bill from being
 * issued twice), then covered at once by the unit's prepaid money.
 */
@Component
class BillWriter {

	private static final int BATCH_SIZE = 1000;

	/** Up to this many units, their credit is looked up one by one; beyond, in one scan. */
	private static final int FEW_UNITS = 50;

	private static final String INSERT = """
			insert into bill (unit_id, fee_item_id, period, subject, period_start, period_end, amount, due_date,
			                  description, issued_at, issued_by, opening)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcTemplate jdbc;

	private final Ledger ledger;

	private final Clock clock;

	BillWriter(JdbcTemplate jdbc, Ledger ledger, Clock clock) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.clock = clock;
	}

	/** Issues the bills now and lets each unit's prepaid money cover them, oldest bill first. */
	void issue(List<NewBill> bills, String issuedBy) {
		insert(bills, clock.instant(), issuedBy);
		Set<Long> billedUnits = bills.stream().map(NewBill::unitId).collect(Collectors.toSet());
		if (billedUnits.size() <= FEW_UNITS) {
			billedUnits.forEach(ledger::applyCredit);
		}
		else {
			ledger.unitsWithCredit().stream().filter(billedUnits::contains).forEach(ledger::applyCredit);
		}
	}

	/** Inserts the bills only: a deposit's deduction is covered by the deposit itself, not by prepaid money. */
	void insert(List<NewBill> bills, Instant issuedAt, String issuedBy) {
		insert(bills, issuedAt, issuedBy, false);
	}

	/**
	 * Inserts an estate's opening arrears (期初欠费), marked as such, issued on the day its balances were
	 * taken over; its opening credit is recorded after them and covers them.
	 */
	void insertOpening(List<NewBill> bills, Instant asOf, String issuedBy) {
		insert(bills, asOf, issuedBy, true);
	}

	private void insert(List<NewBill> bills, Instant issuedAt, String issuedBy, boolean opening) {
		Timestamp at = Timestamp.from(issuedAt);
		jdbc.batchUpdate(INSERT, bills, BATCH_SIZE, (statement, bill) -> {
			statement.setLong(1, bill.unitId());
			statement.setLong(2, bill.feeItemId());
			statement.setString(3, bill.period());
			statement.setString(4, bill.subject());
			statement.setDate(5, bill.periodStart() == null ? null : Date.valueOf(bill.periodStart()));
			statement.setDate(6, bill.periodEnd() == null ? null : Date.valueOf(bill.periodEnd()));
			statement.setBigDecimal(7, bill.amount());
			statement.setDate(8, Date.valueOf(bill.dueDate()));
			statement.setString(9, bill.description());
			statement.setTimestamp(10, at);
			statement.setString(11, issuedBy);
			statement.setBoolean(12, opening);
		});
	}

}
