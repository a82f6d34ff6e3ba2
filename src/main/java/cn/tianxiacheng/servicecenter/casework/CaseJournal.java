package cn.tianxiacheng.servicecenter.casework;

import java.time.Clock;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.journal.Journal;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The story of every case ({@code case_step}): when a task of a case's process is completed, its
 * name, handler, time and opinion are written down. Camunda publishes task events to Spring.
 */
@Component
class CaseJournal extends Journal<Long> {

	private final JdbcTemplate jdbc;

	CaseJournal(JdbcTemplate jdbc, IdentityService identityService, StaffNames staffNames, Clock clock) {
		super(jdbc, identityService, staffNames, clock, "case_step", "case_id");
		this.jdbc = jdbc;
	}

	/** The step of a return visit the owner answered online ({@link OwnerVisitRatings}), not reception's call. */
	static final String OWNER_RATED_ONLINE = "业主在线评价";

	@EventListener(condition = "#task.eventName == 'complete'")
	void onTaskCompleted(DelegateTask task) {
		caseOf(task).ifPresent(caseId -> {
			if (Boolean.TRUE.equals(task.getVariable(OwnerVisitRatings.ANSWERED_ONLINE))) {
				record(caseId, OWNER_RATED_ONLINE, Staff.SYSTEM.id(),
						"满意度 " + task.getVariable(ReturnVisitProcess.SATISFACTION) + " 分");
				task.getExecution().getProcessInstance().setVariable(RECENT_STEPS, recentSteps(caseId));
			}
			else {
				recordTask(task, caseId);
			}
		});
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

}
