package cn.tianxiacheng.servicecenter.parking;

import java.time.Clock;

import cn.tianxiacheng.servicecenter.journal.RecordJournal;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The story of a lease ({@code parking_lease_step}): every completed task of its process, every
 * renewal, change and what the system did.
 */
@Component
class LeaseJournal extends RecordJournal {

	LeaseJournal(JdbcTemplate jdbc, IdentityService identityService, StaffNames staffNames, Clock clock) {
		super(jdbc, identityService, staffNames, clock, "parking_lease_step", "lease_id", ParkingLeaseProcess.KEY,
				"select id from parking_lease where lease_number = ?");
	}

}
