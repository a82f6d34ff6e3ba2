package cn.tianxiacheng.servicecenter.journal;

import java.time.Clock;

import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 办理经过 of a process by its business key ({@code process_step}): a user task names
 * {@code ${stepJournal}} as its complete listener, and its name, handler, time and
 * {@code opinion} are written down.
 */
@Component("stepJournal")
public class StepJournal extends Journal<String> implements TaskListener {

	StepJournal(JdbcTemplate jdbc, IdentityService identityService, StaffNames staffNames, Clock clock) {
		super(jdbc, identityService, staffNames, clock, "process_step", "business_key");
	}

	@Override
	public void notify(DelegateTask task) {
		recordTask(task, task.getExecution().getProcessBusinessKey());
	}

}
