package cn.tianxiacheng.servicecenter.parking;

import cn.tianxiacheng.servicecenter.fee.ParkingRent;
import cn.tianxiacheng.servicecenter.fee.PaymentTaken;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When the rent of a contract is paid at the counter, the lease moves on by itself: the
 * cashier's task ends and the lease takes effect.
 */
@Component
class RentPaidAtCounter {

	private final JdbcTemplate jdbc;

	private final ParkingRent rent;

	private final RuntimeService runtimeService;

	private final EngineAsSystem asSystem;

	RentPaidAtCounter(JdbcTemplate jdbc, ParkingRent rent, RuntimeService runtimeService, EngineAsSystem asSystem) {
		this.jdbc = jdbc;
		this.rent = rent;
		this.runtimeService = runtimeService;
		this.asSystem = asSystem;
	}

	/** After the payment's commit, in a transaction of its own; recorded, and retried until done. */
	@ApplicationModuleListener
	void onPaymentTaken(PaymentTaken payment) {
		jdbc.queryForList("select lease_number from parking_lease where unit_id = ? and status = 'AWAITING_PAYMENT'",
				String.class, payment.unitId())
			.stream()
			.filter(leaseNumber -> rent.isPaid(leaseNumber, payment.unitId()))
			.forEach(leaseNumber -> asSystem.run(() -> runtimeService
				.createMessageCorrelation(ParkingLeaseProcess.RENT_PAID)
				.processInstanceBusinessKey(leaseNumber)
				.correlateAll()));
	}

}
