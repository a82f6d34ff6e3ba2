package cn.tianxiacheng.servicecenter.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;

import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The story of one kind of record, kept append-only in a table of the package that owns the
 * record: every completed task of its process with handler, time and opinion, and the steps the
 * system or a page took. The last three steps go to {@code recentSteps} for the next handler's
 * form, a few hundred characters however long the story. The owning package makes its journal
 * by naming its table and the column that holds the record's key (an id, or the business key);
 * the table has the columns {@code step, handled_by, handled_at, opinion}.
 */
public class Journal<K> {

	/** The variable the forms show. */
	public static final String RECENT_STEPS = "recentSteps";

	/** The opinion a handler writes in the form; kept in the journal, not in the process. */
	public static final String OPINION = "opinion";

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	private static final int RECENT = 3;

	/** Characters of an opinion shown in the form's recent steps: the whole is on the record's page. */
	private static final int OPINION_SHOWN = 120;

	public record Step(String step, String handledBy, String handledByName, Timestamp handledAt, String opinion) {
	}

	private final JdbcTemplate jdbc;

	private final IdentityService identityService;

	private final StaffNames staffNames;

	private final Clock clock;

	private final String table;

	private final String keyColumn;

	protected Journal(JdbcTemplate jdbc, IdentityService identityService, StaffNames staffNames, Clock clock,
			String table, String keyColumn) {
		this.jdbc = jdbc;
		this.identityService = identityService;
		this.staffNames = staffNames;
		this.clock = clock;
		this.table = table;
		this.keyColumn = keyColumn;
	}

	/**
	 * A completed task of the record's process: its name, handler and opinion are written down,
	 * the process gets the new recent steps, and the opinion leaves the process.
	 */
	protected void recordTask(DelegateTask task, K key) {
		String handler = task.getAssignee() != null ? task.getAssignee()
				: identityService.getCurrentAuthentication() != null
						? identityService.getCurrentAuthentication().getUserId() : Staff.SYSTEM.id();
		Object opinion = task.getVariable(OPINION);
		record(key, task.getName(), handler, opinion == null ? null : opinion.toString());
		task.getExecution().getProcessInstance().setVariable(RECENT_STEPS, recentSteps(key));
		task.getExecution().getProcessInstance().removeVariable(OPINION);
	}

	/** Writes a step that no form recorded: the system's, or one taken on an app page. */
	public void record(K key, String step, String handledBy, String opinion) {
		jdbc.update("insert into %s (%s, step, handled_by, handled_at, opinion) values (?, ?, ?, ?, ?)".formatted(table,
				keyColumn), key, step, handledBy, Timestamp.from(clock.instant()), opinion);
	}

	/** The last steps, a line each, the newest last. */
	public String recentSteps(K key) {
		List<Step> recent = jdbc.query("""
				select step, handled_by, handled_at, opinion from %s where %s = ?
				 order by id desc fetch first %d rows only""".formatted(table, keyColumn, RECENT), this::step, key);
		StringBuilder lines = new StringBuilder();
		for (int i = recent.size() - 1; i >= 0; i--) {
			Step step = recent.get(i);
			lines.append(WHEN.format(step.handledAt().toInstant().atZone(clock.getZone())))
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
	public List<Step> steps(K key) {
		return jdbc.query("select step, handled_by, handled_at, opinion from %s where %s = ? order by id"
			.formatted(table, keyColumn), this::step, key);
	}

	private Step step(ResultSet rs, int row) throws SQLException {
		return new Step(rs.getString(1), rs.getString(2), staffNames.of(rs.getString(2)), rs.getTimestamp(3),
				rs.getString(4));
	}

}
