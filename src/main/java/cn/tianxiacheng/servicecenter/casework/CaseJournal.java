package cn.tianxiacheng.servicecenter.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The story of every case: when a task of a case's process is completed, its name, handler,
 * time and opinion are written to the case's steps ({@code case_step}), and the last few steps
 * go to {@code recentSteps} for the next handler's form, bounded in size however long the case
 * runs. Camunda publishes task events to Spring.
 */
@Component
class CaseJournal {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	private static final int RECENT = 3;

	/** Characters of an opinion shown in the form's recent steps: the whole is on the case's page. */
	private static final int OPINION_SHOWN = 120;

	private final JdbcTemplate jdbc;

	private final IdentityService identityService;

	private final StaffNames staffNames;

	private final Clock clock;

	CaseJournal(JdbcTemplate jdbc, IdentityService identityService, StaffNames staffNames, Clock clock) {
		this.jdbc = jdbc;
		this.identityService = identityService;
		this.staffNames = staffNames;
		this.clock = clock;
	}

	record Step(String step, String handledBy, String handledByName, Timestamp handledAt, String opinion) {
	}

	@EventListener(condition = "#task.eventName == 'complete'")
	void onTaskCompleted(DelegateTask task) {
		Optional<Long> caseId = caseOf(task);
		if (caseId.isEmpty()) {
			return;
		}
		String handler = task.getAssignee() != null ? task.getAssignee()
				: identityService.getCurrentAuthentication() != null
						? identityService.getCurrentAuthentication().getUserId() : "system";
		Object opinion = task.getVariable(CaseVariables.OPINION);
		record(caseId.get(), task.getName(), handler, opinion == null ? null : opinion.toString());
		task.getExecution().getProcessInstance().setVariable(CaseVariables.RECENT_STEPS, recentSteps(caseId.get()));
		task.getExecution().getProcessInstance().removeVariable(CaseVariables.OPINION);
	}

	/** The case a task works on, found by its process's business key: the case number, or its visit's. */
	private Optional<Long> caseOf(DelegateTask task) {
		String processKey = task.getProcessDefinitionId().split(":")[0];
		String businessKey = task.getExecution().getProcessBusinessKey();
		Optional<String> caseNumber = switch (processKey) {
			case ComplaintProcess.KEY, ServiceRequestProcess.KEY -> Optional.ofNullable(businessKey);
			case ReturnVisitProcess.KEY -> ReturnVisitProcess.caseNumber(businessKey);
			default -> Optional.empty();
		};
		return caseNumber.flatMap(number -> jdbc
			.queryForList("select id from service_case where case_number = ?", Long.class, number)
			.stream()
			.findFirst());
	}

	/**
	 * A deadline passed ({@code ${escalationJournal}} on a timer boundary event): the case's story says
	 * so, and the next handler's form shows why the task came to them.
	 */
	@Component("escalationJournal")
	static class Escalation implements ExecutionListener {

		private final CaseJournal journal;

		Escalation(CaseJournal journal) {
			this.journal = journal;
		}

		@Override
		public void notify(DelegateExecution execution) {
			String caseNumber = execution.getProcessBusinessKey();
			journal.jdbc.queryForList("select id from service_case where case_number = ?", Long.class, caseNumber)
				.forEach(caseId -> {
					journal.record(caseId, execution.getCurrentActivityName() + "，已升级至经理督办", "system", null);
					execution.setVariable(CaseVariables.RECENT_STEPS, journal.recentSteps(caseId));
				});
		}

	}

	void record(long caseId, String step, String handledBy, String opinion) {
		jdbc.update("insert into case_step (case_id, step, handled_by, handled_at, opinion) values (?, ?, ?, ?, ?)",
				caseId, step, handledBy, Timestamp.from(clock.instant()), opinion);
	}

	/** The last steps of the case, a line each, the newest last. */
	String recentSteps(long caseId) {
		List<Step> recent = jdbc.query("""
				select step, handled_by, handled_at, opinion from case_step where case_id = ?
				 order by id desc fetch first %d rows only""".formatted(RECENT),
				(rs, i) -> new Step(rs.getString(1), rs.getString(2), staffNames.of(rs.getString(2)), rs.getTimestamp(3),
						rs.getString(4)),
				caseId);
		StringBuilder lines = new StringBuilder();
		for (int i = recent.size() - 1; i >= 0; i--) {
			Step step = recent.get(i);
			lines.append(WHEN.format(step.handledAt().toInstant().atZone(clock.getZone())))
				.append(' ')
				.append(step.step())
				.append(" · ")
				.append(step.handledByName());
			if (step.opinion() != null) {
				lines.append('：').append(step.opinion().length() <= OPINION_SHOWN ? step.opinion()
						: step.opinion().substring(0, OPINION_SHOWN) + "…");
			}
			lines.append('\n');
		}
		return lines.toString();
	}

	List<Step> steps(long caseId) {
		return jdbc.query("select step, handled_by, handled_at, opinion from case_step where case_id = ? order by id",
				(rs, i) -> new Step(rs.getString(1), rs.getString(2), staffNames.of(rs.getString(2)), rs.getTimestamp(3),
						rs.getString(4)),
				caseId);
	}


}
