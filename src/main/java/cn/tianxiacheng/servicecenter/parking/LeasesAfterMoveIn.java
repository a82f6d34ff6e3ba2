package cn.tianxiacheng.servicecenter.parking;

import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.estate.HouseholdMovedIn;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a new household moved into a unit, the leases the former household holds in their term
 * stay in force (the space stays theirs) and reception gets a task to settle each with the
 * former lessee: end it early with the refund, or let it run to its end.
 */
@Component
class LeasesAfterMoveIn {

	private final JdbcTemplate jdbc;

	private final LeaseJournal journal;

	private final RuntimeService runtimeService;

	private final EngineAsSystem asSystem;

	LeasesAfterMoveIn(JdbcTemplate jdbc, LeaseJournal journal, RuntimeService runtimeService, EngineAsSystem asSystem) {
		this.jdbc = jdbc;
		this.journal = journal;
		this.runtimeService = runtimeService;
		this.asSystem = asSystem;
	}

	/** After the move-in's commit, in a transaction of its own; recorded, and retried until done. */
	@ApplicationModuleListener
	void onHouseholdMovedIn(HouseholdMovedIn moveIn) {
		List<Map<String, Object>> leases = jdbc.queryForList(
				"select id, lease_number from parking_lease where unit_id = ? and status = 'ACTIVE'", moveIn.unitId());
		for (Map<String, Object> lease : leases) {
			long leaseId = ((Number) lease.get("id")).longValue();
			journal.record(leaseId, "房屋 " + moveIn.unitNumber() + " 于 " + moveIn.on() + " 办理入住（住户变更），待与原承租人核实租赁",
					"system", null);
			asSystem.run(() -> runtimeService.createMessageCorrelation(ParkingLeaseProcess.HOUSEHOLD_CHANGED)
				.processInstanceBusinessKey((String) lease.get("lease_number"))
				.setVariable(ParkingLeaseProcess.Var.RECENT_STEPS, journal.recentSteps(leaseId))
				.correlateAll());
		}
	}

}
