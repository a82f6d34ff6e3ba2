package cn.tianxiacheng.servicecenter.movein;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tianxiacheng.servicecenter.MessageProbes;
import cn.tianxiacheng.servicecenter.ModuleIntegrationTest;
import cn.tianxiacheng.servicecenter.fee.PaymentTaken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.Scenario;

/**
 * The move-in module with what it uses and the engine: a payment that leaves the unit owing
 * nothing moves its open move-in past the cashier's task.
 */
@ModuleIntegrationTest
class MoveInModuleIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MessageProbes probes;

	@Test
	void shouldMoveTheMoveInOnWhenTheOpeningFeesArePaid(Scenario scenario) {
		String unitNumber = MessageProbes.freshNumber();
		long unitId = probes.freshUnit(unitNumber);
		String caseNumber = MessageProbes.freshNumber();
		jdbc.update("""
				insert into move_in (case_number, unit_id, contract_number, status, registered_by, registered_at)
				values (?, ?, 'HT-001', 'OPEN', 'receptionist', current_timestamp)""", caseNumber, unitId);
		MessageProbes.Probe moveIn = probes.waitingFor(MoveInProcess.FEES_PAID, caseNumber);

		scenario.publish(new PaymentTaken(unitId))
			.andWaitForStateChange(moveIn::received)
			.andVerify(received -> assertThat(received).isTrue());
	}

}
