package cn.tianxiacheng.servicecenter.decoration;

import cn.tianxiacheng.servicecenter.fee.CaseFees;
import cn.tianxiacheng.servicecenter.fee.PaymentTaken;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When the owner pays the decoration's fees at the counter, the decoration moves on by itself:
 * the cashier's task ends and the permit is issued.
 */
@Component
class DecorationFeesPaidAtCounter {

	private final JdbcTemplate jdbc;

	private final CaseFees caseFees;

	private final RuntimeService runtimeService;

	private final EngineAsSystem asSystem;

	DecorationFeesPaidAtCounter(JdbcTemplate jdbc, CaseFees caseFees, RuntimeService runtimeService,
			EngineAsSystem asSystem) {
		this.jdbc = jdbc;
		this.caseFees = caseFees;
		this.runtimeService = runtimeService;
		this.asSystem = asSystem;
	}

	/** After the payment's commit, in a transaction of its own; recorded, and retried until done. */
	@ApplicationModuleListener
	void onPaymentTaken(PaymentTaken payment) {
		jdbc.queryForList("select decoration_number from decoration where unit_id = ? and status = ?", String.class,
				payment.unitId(), DecorationStatus.APPROVED.name())
			.stream()
			.filter(number -> caseFees.isPaid(number, payment.unitId()))
			.forEach(number -> asSystem.run(() -> runtimeService
				.createMessageCorrelation(DecorationApprovalProcess.FEES_PAID)
				.processInstanceBusinessKey(number)
				.correlateAll()));
	}

}
