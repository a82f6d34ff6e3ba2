package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.estate.Owner;
import cn.tianxiacheng.servicecenter.estate.PersonalDataMask;
import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 退款单: the money handed back to an owner, by one person at one moment (a deposit's refund, an
 * early end of a lease), on one slip the owner signs. A slip is numbered after its first refund
 * entry ({@code TK000123}); its lines are the refund entries of the ledger.
 */
@Component
class RefundSlips {

	private static final String SELECT = """
			select f.id, f.unit_id, u.unit_number, f.amount, f.method, f.reason, f.refunded_at, f.refunded_by,
			       b.description, p.receipt_number,
			       (select min(g.id) from refund g where g.unit_id = f.unit_id and g.refunded_at = f.refunded_at
			           and g.refunded_by = f.refunded_by) as slip_id
			  from refund f join unit_address u on u.unit_id = f.unit_id join bill b on b.id = f.bill_id
			  join payment p on p.id = f.payment_id""";

	record RefundLine(long id, long slipId, long unitId, String unitNumber, BigDecimal amount, PaymentMethod method,
			String reason, Timestamp refundedAt, String refundedBy, String billDescription, String receiptNumber) {

		public String slipNumber() {
			return RefundSlips.number(slipId);
		}

	}

	record Slip(String number, long unitId, String unitNumber, String payee, List<RefundLine> lines, BigDecimal amount,
			String amountInCapitals, String refundedByName) {

		public RefundLine first() {
			return lines.get(0);
		}

	}

	private final JdbcTemplate jdbc;

	private final UnitRepository units;

	private final StaffNames staffNames;

	RefundSlips(JdbcTemplate jdbc, UnitRepository units, StaffNames staffNames) {
		this.jdbc = jdbc;
		this.units = units;
		this.staffNames = staffNames;
	}

	static String number(long slipId) {
		return "TK%06d".formatted(slipId);
	}

	/** The refunds of a unit, newest first. */
	List<RefundLine> ofUnit(long unitId) {
		return jdbc.query(SELECT + " where f.unit_id = ? order by f.refunded_at desc, f.id", RefundSlips::line, unitId);
	}

	/** What one person handed back in the estate between two instants, oldest first: the cash report's money out. */
	List<RefundLine> by(String staff, long estateId, Timestamp from, Timestamp to) {
		return jdbc.query(SELECT + " where f.refunded_by = ? and u.estate_id = ? and f.refunded_at >= ? and f.refunded_at < ?"
				+ " order by f.refunded_at, f.id", RefundSlips::line, staff, estateId, from, to);
	}

	/**
	 * The slip a refund entry of the estate is on, with every line of it; the payee's names as the
	 * viewer may see them. Another estate's is not found.
	 */
	@Transactional(readOnly = true)
	Slip slip(long refundId, long estateId, PersonalDataMask mask) {
		RefundLine any = jdbc.query(SELECT + " where f.id = ? and u.estate_id = ?", RefundSlips::line, refundId, estateId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("退款记录不存在：编号 " + refundId));
		List<RefundLine> lines = jdbc.query(SELECT + " where f.unit_id = ? and f.refunded_at = ? and f.refunded_by = ?"
				+ " order by f.id", RefundSlips::line, any.unitId(), any.refundedAt(), any.refundedBy());
		BigDecimal amount = lines.stream().map(RefundLine::amount).reduce(Money.ZERO, BigDecimal::add);
		String payee = units.findById(any.unitId()).orElseThrow().getOwners().stream().map(Owner::getName)
			.map(mask::name).collect(Collectors.joining("、"));
		return new Slip(number(any.slipId()), any.unitId(), any.unitNumber(), payee, lines, amount,
				Money.inChineseCapitals(amount), staffNames.of(any.refundedBy()));
	}

	private static RefundLine line(ResultSet rs, int i) throws SQLException {
		return new RefundLine(rs.getLong(1), rs.getLong(11), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
				PaymentMethod.valueOf(rs.getString(5)), rs.getString(6), rs.getTimestamp(7), rs.getString(8),
				rs.getString(9), rs.getString(10));
	}

}
