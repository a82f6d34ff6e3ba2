package cn.tianxiacheng.servicecenter.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 办理经过 of a process by its business key ({@code process_step}): a user task names
 * {@code ${stepJournal}} as its complete listener, and its name, handler, time and
 * {@code opinion} are written down; the last three steps go to {@code recentSteps} for the next
 * handler's form, a few hundred characters however long the story.
 */
@Component("stepJournal")
public class StepJournal implements TaskListener {

	/** The variable the forms show. */
	public static final String RECENT_STEPS = "recentSteps";

	/** The opinion a handler writes in the form; kept in the journal, not in the process. */
	public static final String OPINION = "opinion";

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	private static final int RECENT = 3;

	private static final int OPINION_SHOWN = 120;

	private final JdbcTemplate jdbc;

	private final StaffNames staffNames;

	private final Clock clock;

	StepJournal(JdbcTemplate jdbc, StaffNames staffNames, Clock clock) {
		this.jdbc = jdbc;
		this.staffNames = staffNames;
		this.clock = clock;
	}

	public record Step(String step, String handledBy, String handledByName, Instant handledAt, String opinion) {
	}

	@Override
	public void notify(DelegateTask task) {
		String businessKey = task.getExecution().getProcessBusinessKey();
		Object opinion = task.getVariable(OPINION);
		record(businessKey, task.getName(), task.getAssignee() == null ? Staff.SYSTEM.id() : task.getAssignee(),
				opinion == null ? null : opinion.toString());
		task.getExecution().getProcessInstance().setVariable(RECENT_STEPS, recentSteps(businessKey));
		task.getExecution().getProcessInstance().removeVariable(OPINION);
	}

	/** Writes a step that no form recorded: the system's, or one taken on an app page. */
	public void record(String businessKey, String step, String handledBy, String opinion) {
		jdbc.update("insert into process_step (business_key, step, handled_by, handled_at, opinion) values (?, ?, ?, ?, ?)",
				businessKey, step, handledBy, Timestamp.from(clock.instant()), opinion);
	}

	/** The last steps, a line each, the newest last. */
	public String recentSteps(String businessKey) {
		List<Step> recent = jdbc.query("""
				select step, handled_by, handled_at, opinion from process_step where business_key = ?
				 order by id desc fetch first %d rows only""".formatted(RECENT), this::step, businessKey);
		StringBuilder lines = new StringBuilder();
		for (int i = recent.size() - 1; i >= 0; i--) {
			Step step = recent.get(i);
			lines.append(WHEN.format(step.handledAt().atZone(clock.getZone())))
				.append(' ')
				.append(step.step())
				.append(" · ")
				.append(step.handledByName());
			if (step.opinion() != null && !step.opinion().isBlank()) {
				lines.append('：')
					.append(step.opinion().length() <= OPINION_SHOWN ? step.opinion()
							: step.opinion().substring(0, OPINION_SHOWN) + "…");
			}
			lines.append('\n');
		}
		return lines.toString();
	}

	/** Every step, oldest first. */
	public List<Step> steps(String businessKey) {
		return jdbc.query("select step, handled_by, handled_at, opinion from process_step where business_key = ? order by id",
				this::step, businessKey);
	}

	private Step step(ResultSet rs, int row) throws SQLException {
		return new Step(rs.getString(1), rs.getString(2), staffNames.of(rs.getString(2)), rs.getTimestamp(3).toInstant(),
				rs.getString(4));
	}

}
