package cn.tianxiacheng.servicecenter.movein;

import cn.tianxiacheng.servicecenter.fee.Ledger;
import cn.tianxiacheng.servicecenter.fee.PaymentTaken;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When the owner pays the opening fees at the counter, the move-in moves on by itself: the
 * cashier's task ends.
 */
@Component
class OpeningFeesPaidAtCounter {

	private final JdbcTemplate jdbc;

	private final Ledger ledger;

	private final RuntimeService runtimeService;

	private final EngineAsSystem asSystem;

	OpeningFeesPaidAtCounter(JdbcTemplate jdbc, Ledger ledger, RuntimeService runtimeService, EngineAsSystem asSystem) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.runtimeService = runtimeService;
		this.asSystem = asSystem;
	}

	/** After the payment's commit, in a transaction of its own; recorded, and retried until done. */
	@ApplicationModuleListener
	void onPaymentTaken(PaymentTaken payment) {
		if (!ledger.owesNothing(payment.unitId())) {
			return;
		}
		jdbc.queryForList("select case_number from move_in where unit_id = ? and status = 'OPEN'", String.class,
				payment.unitId())
			.forEach(caseNumber -> asSystem.run(() -> runtimeService.createMessageCorrelation(MoveInProcess.FEES_PAID)
				.processInstanceBusinessKey(caseNumber)
				.correlateAll()));
	}

}
