package cn.tianxiacheng.servicecenter.release;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;

import cn.tianxiacheng.servicecenter.release.GoodsReleaseProcess.Var;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The story of a pass ({@code release_step}): every completed task of its process with its
 * handler and opinion, the gate checks and what the system did; the last three steps go to
 * {@code recentSteps} for the next handler's form.
 */
@Component
class PassJournal {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	private static final int RECENT = 3;

	private static final int OPINION_SHOWN = 120;

	record Step(String step, String handledBy, String handledByName, Timestamp handledAt, String opinion) {
	}

	private final JdbcTemplate jdbc;

	private final StaffNames staffNames;

	private final Clock clock;

	PassJournal(JdbcTemplate jdbc, StaffNames staffNames, Clock clock) {
		this.jdbc = jdbc;
		this.staffNames = staffNames;
		this.clock = clock;
	}

	@EventListener(condition = "#task.eventName == 'complete'")
	void onTaskCompleted(DelegateTask task) {
		if (!task.getProcessDefinitionId().startsWith(GoodsReleaseProcess.KEY + ":")) {
			return;
		}
		jdbc.queryForList("select id from release_pass where pass_number = ?", Long.class,
				task.getExecution().getProcessBusinessKey())
			.forEach(passId -> {
				Object opinion = task.getVariable(Var.OPINION);
				record(passId, task.getName(), task.getAssignee() == null ? "system" : task.getAssignee(),
						opinion == null ? null : opinion.toString());
				task.getExecution().getProcessInstance().setVariable(Var.RECENT_STEPS, recentSteps(passId));
				task.getExecution().getProcessInstance().removeVariable(Var.OPINION);
			});
	}

	void record(long passId, String step, String handledBy, String opinion) {
		jdbc.update("insert into release_step (pass_id, step, handled_by, handled_at, opinion) values (?, ?, ?, ?, ?)",
				passId, step, handledBy, Timestamp.from(clock.instant()), opinion);
	}

	/** The last steps, a line each, the newest last. */
	String recentSteps(long passId) {
		List<Step> recent = jdbc.query("""
				select step, handled_by, handled_at, opinion from release_step where pass_id = ?
				 order by id desc fetch first %d rows only""".formatted(RECENT), this::step, passId);
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

	List<Step> steps(long passId) {
		return jdbc.query("select step, handled_by, handled_at, opinion from release_step where pass_id = ? order by id",
				this::step, passId);
	}

	private Step step(ResultSet rs, int row) throws SQLException {
		return new Step(rs.getString(1), rs.getString(2), staffNames.of(rs.getString(2)), rs.getTimestamp(3),
				rs.getString(4));
	}

}
