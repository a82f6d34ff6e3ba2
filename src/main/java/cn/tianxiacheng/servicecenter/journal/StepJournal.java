package cn.tianxiacheng.servicecenter.journal;

import java.time.Clock;

import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 办理经过 of a process by its business key ({@code process_step}). The package that owns the
 * process hands it each completed task from the engine's task events, as the other journals
 * take their own, and its name, handler, time and {@code opinion} are written down.
 */
@Component("stepJournal")
public class StepJournal extends Journal<String> implements TaskListener {

	StepJournal(JdbcTemplate jdbc, IdentityService identityService, StaffNames staffNames, Clock clock) {
		super(jdbc, identityService, staffNames, clock, "process_step", "business_key");
	}

	/** A completed task of a process kept here. */
	public void recordTask(DelegateTask task) {
		recordTask(task, task.getExecution().getProcessBusinessKey());
	}

	/**
	 * Does nothing: process versions deployed before the task events took over still name
	 * {@code ${stepJournal}} as a complete listener, and their tasks reach the journal through the
	 * task events like the others.
	 */
	@Override
	public void notify(DelegateTask task) {
	}

}
