package cn.tianxiacheng.servicecenter.decoration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import cn.tianxiacheng.servicecenter.MessageProbes;
import cn.tianxiacheng.servicecenter.ModuleIntegrationTest;
import cn.tianxiacheng.servicecenter.fee.PaymentTaken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.Scenario;

/**
 * The decoration module with what it uses and the engine: a payment that settles an approved
 * decoration's fees moves it on to its permit.
 */
@ModuleIntegrationTest
class DecorationModuleIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MessageProbes probes;

	@Test
	void shouldMoveTheDecorationOnWhenItsFeesArePaid(Scenario scenario) {
		String unitNumber = MessageProbes.freshNumber();
		long unitId = probes.freshUnit(unitNumber);
		String number = MessageProbes.freshNumber();
		LocalDate start = LocalDate.now().plusDays(1);
		jdbc.update("""
				insert into decoration (decoration_number, unit_id, applicant_role, applicant_name, applicant_phone,
				  contractor_company, contractor_licence, contractor_person, contractor_phone, works, scope, planned_start,
				  planned_end, status, registered_by, registered_at)
				values (?, ?, 'OWNER', '张三', '13800000000', '天下城美居装饰工程有限公司', 'D213012345', '赵建军',
				  '13755667788', '墙面乳胶漆', '', ?, ?, ?, 'receptionist', current_timestamp)""", number, unitId, start,
				start.plusDays(30), DecorationStatus.APPROVED.name());
		MessageProbes.Probe decoration = probes.waitingFor(DecorationApprovalProcess.FEES_PAID, number);

		scenario.publish(new PaymentTaken(unitId))
			.andWaitForStateChange(decoration::received)
			.andVerify(received -> assertThat(received).isTrue());
	}

}
