package cn.tianxiacheng.servicecenter.release;

import java.time.Clock;

import cn.tianxiacheng.servicecenter.journal.Journal;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The story of a pass ({@code release_step}): every completed task of its process with its
 * handler and opinion, the gate checks and what the system did.
 */
@Component
class PassJournal extends Journal<Long> {

	private final JdbcTemplate jdbc;

	PassJournal(JdbcTemplate jdbc, IdentityService identityService, StaffNames staffNames, Clock clock) {
		super(jdbc, identityService, staffNames, clock, "release_step", "pass_id");
		this.jdbc = jdbc;
	}

	@EventListener(condition = "#task.eventName == 'complete'")
	void onTaskCompleted(DelegateTask task) {
		if (!task.getProcessDefinitionId().startsWith(GoodsReleaseProcess.KEY + ":")) {
			return;
		}
		jdbc.queryForList("select id from release_pass where pass_number = ?", Long.class,
				task.getExecution().getProcessBusinessKey())
			.forEach(passId -> recordTask(task, passId));
	}

}
