package cn.tianxiacheng.servicecenter.parking;

import java.time.Clock;

import cn.tianxiacheng.servicecenter.journal.Journal;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The story of a lease ({@code parking_lease_step}): every completed task of its process, every
 * renewal, change and what the system did.
 */
@Component
class LeaseJournal extends Journal<Long> {

	private final JdbcTemplate jdbc;

	LeaseJournal(JdbcTemplate jdbc, IdentityService identityService, StaffNames staffNames, Clock clock) {
		super(jdbc, identityService, staffNames, clock, "parking_lease_step", "lease_id");
		this.jdbc = jdbc;
	}

	@EventListener(condition = "#task.eventName == 'complete'")
	void onTaskCompleted(DelegateTask task) {
		if (!task.getProcessDefinitionId().startsWith(ParkingLeaseProcess.KEY + ":")) {
			return;
		}
		jdbc.queryForList("select id from parking_lease where lease_number = ?", Long.class,
				task.getExecution().getProcessBusinessKey())
			.forEach(leaseId -> recordTask(task, leaseId));
	}

}
