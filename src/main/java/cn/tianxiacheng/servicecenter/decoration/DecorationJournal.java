package cn.tianxiacheng.servicecenter.decoration;

import java.time.Clock;

import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.journal.RecordJournal;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The story of every decoration ({@code decoration_step}): each completed task of its process
 * with handler, time and opinion, and what the system did (permit issued, violation recorded,
 * deposit refunded).
 */
@Component
class DecorationJournal extends RecordJournal {

	private static final int STEP_KEPT = 100;

	private static final int OPINION_KEPT = 2000;

	DecorationJournal(JdbcTemplate jdbc, IdentityService identityService, StaffNames staffNames, Clock clock) {
		super(jdbc, identityService, staffNames, clock, "decoration_step", "decoration_id", DecorationApprovalProcess.KEY,
				"select id from decoration where decoration_number = ?");
	}

	/** A step the system took in the process: recorded, and the next handler's form shows it. */
	void note(DelegateExecution execution, long decorationId, String step, String opinion) {
		record(decorationId, step, Staff.SYSTEM.id(), opinion);
		execution.setVariable(Var.RECENT_STEPS, recentSteps(decorationId));
	}

	/** Cut to the columns: the steps quote what owners, inspectors and violations say. */
	@Override
	public void record(Long decorationId, String step, String handledBy, String opinion) {
		super.record(decorationId, step.length() <= STEP_KEPT ? step : step.substring(0, STEP_KEPT), handledBy,
				opinion == null || opinion.length() <= OPINION_KEPT ? opinion : opinion.substring(0, OPINION_KEPT));
	}

}
