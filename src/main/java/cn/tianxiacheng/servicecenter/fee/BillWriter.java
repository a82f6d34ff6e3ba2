package cn.tianxiacheng.servicecenter.fee;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Issues bills in JDBC batches: billing writes tens of thousands of rows a run. The unique key
 * (unit, item, period, subject) keeps a bill from being issued twice.
 */
@Component
class BillWriter {

	private static final int BATCH_SIZE = 1000;

	private static final String INSERT = """
			insert into bill (unit_id, fee_item_id, period, subject, period_start, period_end, amount, due_date,
			                  description, issued_at, issued_by)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcTemplate jdbc;

	BillWriter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void insert(List<NewBill> bills, Instant issuedAt, String issuedBy) {
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
		});
	}

}
