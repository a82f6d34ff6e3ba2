package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.tianxiacheng.servicecenter.estate.EstateRepository;
import cn.tianxiacheng.servicecenter.fee.Ledger.NewPayment;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.NumberSeries;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 补偿: what the manager grants an owner to settle a complaint, in the fee ledger. A credit
 * (抵扣物业费) is a payment of method {@link PaymentMethod#COMPENSATION} into the unit's account,
 * numbered in the unit's estate (TXC-BC2026-000001), which the unit's bills draw on at once; a cash
 * payout (现金赔付) is paid at the counter and kept as the compensation's own entry.
 */
@Service
public class Compensations {

	public enum Kind {

		CREDIT("抵扣物业费"), PAYOUT("现金赔付");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public record Compensation(String caseNumber, BigDecimal amount, Kind kind, String kindLabel, String creditNumber,
			Instant grantedAt, String grantedBy, String grantedByName) {
	}

	private final Ledger ledger;

	private final EstateRepository estates;

	private final NumberSeries numberSeries;

	private final FeeProperties properties;

	private final StaffNames staffNames;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Compensations(Ledger ledger, EstateRepository estates, NumberSeries numberSeries, FeeProperties properties,
			StaffNames staffNames, JdbcTemplate jdbc, Clock clock) {
		this.ledger = ledger;
		this.estates = estates;
		this.numberSeries = numberSeries;
		this.properties = properties;
		this.staffNames = staffNames;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records the compensation the manager's task decided, once per task. Refused (400) when the
	 * amount is not in yuan to the fen or above the largest single payment.
	 */
	@Transactional
	public void grant(String caseNumber, long unitId, BigDecimal amount, Kind kind, String taskId, String manager) {
		if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
			throw new BadInputException("补偿金额应为大于 0 的金额，最多两位小数");
		}
		if (amount.compareTo(properties.maxPayment()) > 0) {
			throw new BadInputException("补偿金额不能超过 " + Money.yuan(properties.maxPayment()).toPlainString() + " 元");
		}
		Instant now = clock.instant();
		Long paymentId = null;
		if (kind == Kind.CREDIT) {
			String number = numberSeries.next(estates.findByUnitId(unitId).orElseThrow().getCode(),
					"BC" + LocalDate.now(clock).getYear(), 6);
			paymentId = ledger.recordPayment(new NewPayment(unitId, "compensation:" + taskId, "compensation",
					Money.yuan(amount), PaymentMethod.COMPENSATION, number, manager, StaffGroup.MANAGER.id()), null)
				.payment()
				.id();
		}
		jdbc.update("""
				insert into compensation (case_number, task_id, unit_id, amount, kind, payment_id, granted_at, granted_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", caseNumber, taskId, unitId, Money.yuan(amount), kind.name(), paymentId,
				Timestamp.from(now), manager);
	}

	public List<Compensation> ofCase(String caseNumber) {
		return jdbc.query("""
				select c.case_number, c.amount, c.kind, p.receipt_number, c.granted_at, c.granted_by
				  from compensation c left join payment p on p.id = c.payment_id
				 where c.case_number = ?
				 order by c.granted_at, c.id""", (rs, i) -> {
			Kind kind = Kind.valueOf(rs.getString(3));
			return new Compensation(rs.getString(1), rs.getBigDecimal(2), kind, kind.label(), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getString(6), staffNames.of(rs.getString(6)));
		}, caseNumber);
	}

}
