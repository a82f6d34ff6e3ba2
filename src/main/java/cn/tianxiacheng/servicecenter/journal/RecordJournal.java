package cn.tianxiacheng.servicecenter.journal;

import java.time.Clock;

import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The journal of a record whose number is its process's business key (a decoration, a pass, a
 * lease): each completed task of that process is written down for the record the number finds.
 */
public class RecordJournal extends Journal<Long> {

	private final JdbcTemplate jdbc;

	private final String processKey;

	private final String idByNumber;

	/**
	 * {@code idByNumber} is the query of the record's id by its number, such as
	 * {@code select id from release_pass where pass_number = ?}.
	 */
	protected RecordJournal(JdbcTemplate jdbc, IdentityService identityService, StaffNames staffNames, Clock clock,
			String table, String keyColumn, String processKey, String idByNumber) {
		super(jdbc, identityService, staffNames, clock, table, keyColumn);
		this.jdbc = jdbc;
		this.processKey = processKey;
		this.idByNumber = idByNumber;
	}

	@EventListener(condition = "#task.eventName == 'complete'")
	void onTaskCompleted(DelegateTask task) {
		if (!task.getProcessDefinitionId().startsWith(processKey + ":")) {
			return;
		}
		jdbc.queryForList(idByNumber, Long.class, task.getExecution().getProcessBusinessKey())
			.forEach(id -> recordTask(task, id));
	}

}
