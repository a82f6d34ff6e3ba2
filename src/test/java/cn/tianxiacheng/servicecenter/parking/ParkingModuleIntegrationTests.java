package cn.tianxiacheng.servicecenter.parking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import cn.tianxiacheng.servicecenter.MessageProbes;
import cn.tianxiacheng.servicecenter.ModuleIntegrationTest;
import cn.tianxiacheng.servicecenter.estate.HouseholdMovedIn;
import cn.tianxiacheng.servicecenter.fee.PaymentTaken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.Scenario;

/**
 * The parking module with what it uses (estate, fee, journal, system) and the engine, reacting to
 * the other modules' events: a payment moves a lease awaiting its rent on; a new household in the
 * unit puts its leases in force to reception, with a step in the lease's story.
 */
@ModuleIntegrationTest
class ParkingModuleIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MessageProbes probes;

	@Test
	void shouldMoveTheLeaseOnWhenItsRentIsPaid(Scenario scenario) {
		String unitNumber = MessageProbes.freshNumber();
		long unitId = probes.freshUnit(unitNumber);
		String leaseNumber = lease(unitId, "AWAITING_PAYMENT");
		MessageProbes.Probe lease = probes.waitingFor(ParkingLeaseProcess.RENT_PAID, leaseNumber);

		scenario.publish(new PaymentTaken(unitId))
			.andWaitForStateChange(lease::received)
			.andVerify(received -> assertThat(received).isTrue());
	}

	@Test
	void shouldPutTheFormerHouseholdsLeaseToReceptionWhenANewHouseholdMovesIn(Scenario scenario) {
		String unitNumber = MessageProbes.freshNumber();
		long unitId = probes.freshUnit(unitNumber);
		String leaseNumber = lease(unitId, "ACTIVE");
		MessageProbes.Probe lease = probes.waitingFor(ParkingLeaseProcess.HOUSEHOLD_CHANGED, leaseNumber);
		LocalDate on = LocalDate.now();

		scenario.publish(new HouseholdMovedIn(unitId, unitNumber, on))
			.andWaitForStateChange(lease::received)
			.andVerify(received -> assertThat(jdbc.queryForList("""
					select s.step from parking_lease_step s join parking_lease l on l.id = s.lease_id
					 where l.lease_number = ?""", String.class, leaseNumber))
				.containsExactly("房屋 " + unitNumber + " 于 " + on + " 办理入住（住户变更），待与原承租人核实租赁"));
	}

	/** A lease of a space of its own, in the status given, with no bills: its number. */
	private String lease(long unitId, String status) {
		String number = MessageProbes.freshNumber();
		jdbc.update("""
				insert into parking_space (estate_id, number, location, status, unit_id)
				select min(id), ?, 'B1', 'LEASED', null from estate""", number);
		LocalDate start = LocalDate.now();
		jdbc.update("""
				insert into parking_lease (lease_number, unit_id, lessee_kind, lessee_name, lessee_phone, space_id,
				  start_date, months, end_date, billed_months, monthly_rent, payment_plan, status, applied_by, applied_at)
				select ?, ?, 'OWNER', '张三', '13800000000', s.id, ?, 12, ?, 12, 300.00, 'PREPAID', ?, 'receptionist',
				  current_timestamp from parking_space s where s.number = ?""", number, unitId, start,
				start.plusYears(1).minusDays(1), status, number);
		return number;
	}

}
