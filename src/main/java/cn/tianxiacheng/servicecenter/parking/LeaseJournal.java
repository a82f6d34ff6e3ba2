package cn.tianxiacheng.servicecenter.parking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;

import cn.tianxiacheng.servicecenter.parking.ParkingLeaseProcess.Var;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The story of a lease ({@code parking_lease_step}): every completed task of its process, every
 * renewal, change and what the system did; the last three steps go to {@code recentSteps} for
 * the next handler's form.
 */
@Component
class LeaseJournal {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	private static final int RECENT = 3;

	private static final int OPINION_SHOWN = 120;

	record Step(String step, String handledBy, String handledByName, Timestamp handledAt, String opinion) {
	}

	private final JdbcTemplate jdbc;

	private final StaffNames staffNames;

	private final Clock clock;

	LeaseJournal(JdbcTemplate jdbc, StaffNames staffNames, Clock clock) {
		this.jdbc = jdbc;
		this.staffNames = staffNames;
		this.clock = clock;
	}

	@EventListener(condition = "#task.eventName == 'complete'")
	void onTaskCompleted(DelegateTask task) {
		if (!task.getProcessDefinitionId().startsWith(ParkingLeaseProcess.KEY + ":")) {
			return;
		}
		jdbc.queryForList("select id from parking_lease where lease_number = ?", Long.class,
				task.getExecution().getProcessBusinessKey())
			.forEach(leaseId -> {
				Object opinion = task.getVariable(Var.OPINION);
				record(leaseId, task.getName(), task.getAssignee() == null ? "system" : task.getAssignee(),
						opinion == null ? null : opinion.toString());
				task.getExecution().getProcessInstance().setVariable(Var.RECENT_STEPS, recentSteps(leaseId));
				task.getExecution().getProcessInstance().removeVariable(Var.OPINION);
			});
	}

	void record(long leaseId, String step, String handledBy, String opinion) {
		jdbc.update(
				"insert into parking_lease_step (lease_id, step, handled_by, handled_at, opinion) values (?, ?, ?, ?, ?)",
				leaseId, step, handledBy, Timestamp.from(clock.instant()), opinion);
	}

	/** The last steps, a line each, the newest last. */
	String recentSteps(long leaseId) {
		List<Step> recent = jdbc.query("""
				select step, handled_by, handled_at, opinion from parking_lease_step where lease_id = ?
				 order by id desc fetch first %d rows only""".formatted(RECENT), this::step, leaseId);
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

	List<Step> steps(long leaseId) {
		return jdbc.query(
				"select step, handled_by, handled_at, opinion from parking_lease_step where lease_id = ? order by id",
				this::step, leaseId);
	}

	private Step step(ResultSet rs, int row) throws SQLException {
		return new Step(rs.getString(1), rs.getString(2), staffNames.of(rs.getString(2)), rs.getTimestamp(3),
				rs.getString(4));
	}

}
