package cn.tianxiacheng.servicecenter.decoration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;

import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The story of every decoration ({@code decoration_step}): each completed task of its process
 * with handler, time and opinion, and what the system did (permit issued, violation recorded,
 * deposit refunded); the last few steps go to {@code recentSteps} for the next handler's form.
 */
@Component
class DecorationJournal {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	private static final int RECENT = 3;

	private static final int OPINION_SHOWN = 120;

	private static final int OPINION_KEPT = 2000;

	private final JdbcTemplate jdbc;

	private final IdentityService identityService;

	private final StaffNames staffNames;

	private final Clock clock;

	DecorationJournal(JdbcTemplate jdbc, IdentityService identityService, StaffNames staffNames, Clock clock) {
		this.jdbc = jdbc;
		this.identityService = identityService;
		this.staffNames = staffNames;
		this.clock = clock;
	}

	record Step(String step, String handledBy, String handledByName, Timestamp handledAt, String opinion) {
	}

	@EventListener(condition = "#task.eventName == 'complete'")
	void onTaskCompleted(DelegateTask task) {
		if (!task.getProcessDefinitionId().startsWith(DecorationApprovalProcess.KEY + ":")) {
			return;
		}
		String number = task.getExecution().getProcessBusinessKey();
		jdbc.queryForList("select id from decoration where decoration_number = ?", Long.class, number)
			.forEach(decorationId -> {
				String handler = task.getAssignee() != null ? task.getAssignee()
						: identityService.getCurrentAuthentication() != null
								? identityService.getCurrentAuthentication().getUserId() : "system";
				Object opinion = task.getVariable(Var.OPINION);
				record(decorationId, task.getName(), handler, opinion == null ? null : opinion.toString());
				task.getExecution().getProcessInstance().setVariable(Var.RECENT_STEPS, recentSteps(decorationId));
				task.getExecution().getProcessInstance().removeVariable(Var.OPINION);
			});
	}

	/** A step the system took in the process: recorded, and the next handler's form shows it. */
	void note(DelegateExecution execution, long decorationId, String step, String opinion) {
		record(decorationId, step, Staff.SYSTEM.id(), opinion);
		execution.setVariable(Var.RECENT_STEPS, recentSteps(decorationId));
	}

	void record(long decorationId, String step, String handledBy, String opinion) {
		jdbc.update("insert into decoration_step (decoration_id, step, handled_by, handled_at, opinion) values (?, ?, ?, ?, ?)",
				decorationId, step.length() <= 100 ? step : step.substring(0, 100), handledBy,
				Timestamp.from(clock.instant()),
				opinion == null || opinion.length() <= OPINION_KEPT ? opinion : opinion.substring(0, OPINION_KEPT));
	}

	/** The last steps, a line each, the newest last. */
	String recentSteps(long decorationId) {
		List<Step> recent = jdbc.query("""
				select step, handled_by, handled_at, opinion from decoration_step where decoration_id = ?
				 order by id desc fetch first %d rows only""".formatted(RECENT), this::step, decorationId);
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

	List<Step> steps(long decorationId) {
		return jdbc.query("select step, handled_by, handled_at, opinion from decoration_step where decoration_id = ? order by id",
				this::step, decorationId);
	}

	private Step step(ResultSet rs, int row) throws SQLException {
		return new Step(rs.getString(1), rs.getString(2), staffNames.of(rs.getString(2)), rs.getTimestamp(3),
				rs.getString(4));
	}

}
