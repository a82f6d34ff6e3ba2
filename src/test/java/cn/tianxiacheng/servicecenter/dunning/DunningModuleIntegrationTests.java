package cn.tianxiacheng.servicecenter.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cn.tianxiacheng.servicecenter.MessageProbes;
import cn.tianxiacheng.servicecenter.ModuleIntegrationTest;
import cn.tianxiacheng.servicecenter.fee.PaymentTaken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

/**
 * The dunning module with what it uses (fee, estate, system) and the engine: a payment that
 * leaves a unit owing nothing overdue ends the unit's dunning case.
 */
@ModuleIntegrationTest
class DunningModuleIntegrationTests {

	@Autowired
	MessageProbes probes;

	@Test
	void shouldEndTheDunningCaseWhenAPaymentClearsTheArrears(Scenario scenario) {
		String unitNumber = MessageProbes.freshNumber();
		MessageProbes.Probe dunningCase = probes.waitingFor(FeeDunningProcess.ARREARS_CLEARED,
				FeeDunningProcess.businessKey("TXC", unitNumber), Map.of(FeeDunningProcess.Var.UNIT_ID, Long.MAX_VALUE));

		scenario.publish(new PaymentTaken(Long.MAX_VALUE))
			.andWaitForStateChange(dunningCase::received)
			.andVerify(received -> assertThat(received).isTrue());
	}

}
