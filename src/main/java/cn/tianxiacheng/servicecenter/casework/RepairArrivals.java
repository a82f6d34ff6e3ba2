package cn.tianxiacheng.servicecenter.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 到场签到: the engineer who holds a repair's visit ({@code Task_DoWork}) records their arrival, at
 * the system clock's time of the click, once per visit: a second click (a retry, a double tap on the
 * phone) answers with the first arrival. The case's story and page show it.
 */
@Component
public class RepairArrivals {

	public record Arrival(String engineer, String engineerName, Instant at) {
	}

	private final JdbcTemplate jdbc;

	private final TaskService taskService;

	private final EngineAsSystem asSystem;

	private final CaseJournal journal;

	private final StaffNames staffNames;

	private final Clock clock;

	RepairArrivals(JdbcTemplate jdbc, TaskService taskService, EngineAsSystem asSystem, CaseJournal journal,
			StaffNames staffNames, Clock clock) {
		this.jdbc = jdbc;
		this.taskService = taskService;
		this.asSystem = asSystem;
		this.journal = journal;
		this.staffNames = staffNames;
		this.clock = clock;
	}

	@Transactional
	Arrival record(ServiceCase serviceCase, Staff engineer) {
		Task visit = openVisit(serviceCase)
			.orElseThrow(() -> new ConflictException("此案件当前没有“上门处理”环节，无需签到"));
		Optional<Arrival> first = ofVisit(visit.getId());
		if (first.isPresent()) {
			return first.get();
		}
		if (!engineer.id().equals(visit.getAssignee())) {
			throw new AccessDeniedException("只有此次上门处理的办理人可以签到，请先在任务列表领取“" + visit.getName() + "”");
		}
		Instant now = clock.instant();
		try {
			jdbc.update("insert into repair_arrival (case_id, task_id, engineer, arrived_at) values (?, ?, ?, ?)",
					serviceCase.getId(), visit.getId(), engineer.id(), Timestamp.from(now));
		}
		catch (DuplicateKeyException sameClickTwice) {
			return ofVisit(visit.getId()).orElseThrow();
		}
		journal.record(serviceCase.getId(), "到场签到", engineer.id(), null);
		return new Arrival(engineer.id(), staffNames.of(engineer.id()), now);
	}

	/** The arrivals at the case's visits, oldest first. */
	List<Arrival> of(long caseId) {
		return jdbc.query("select engineer, arrived_at from repair_arrival where case_id = ? order by arrived_at",
				this::arrival, caseId);
	}

	/** The arrivals at the visits of the case with the number, oldest first: for its story. */
	public List<Arrival> ofCase(String caseNumber) {
		return jdbc.query("""
				select a.engineer, a.arrived_at from repair_arrival a join service_case c on c.id = a.case_id
				 where c.case_number = ? order by a.arrived_at""", this::arrival, caseNumber);
	}

	/** The visit open now, if the engineer may still check in to it (no arrival recorded yet). */
	Optional<Task> awaitingArrival(ServiceCase serviceCase) {
		return openVisit(serviceCase).filter(visit -> ofVisit(visit.getId()).isEmpty());
	}

	private Optional<Task> openVisit(ServiceCase serviceCase) {
		if (serviceCase.getType() != CaseType.SERVICE_REQUEST || serviceCase.getProcessInstanceId() == null) {
			return Optional.empty();
		}
		return asSystem.call(() -> taskService.createTaskQuery()
			.processInstanceId(serviceCase.getProcessInstanceId())
			.taskDefinitionKey(ServiceRequestProcess.Element.DO_WORK)
			.list()
			.stream()
			.findFirst());
	}

	private Optional<Arrival> ofVisit(String taskId) {
		return jdbc.query("select engineer, arrived_at from repair_arrival where task_id = ?", this::arrival, taskId)
			.stream()
			.findFirst();
	}

	private Arrival arrival(ResultSet rs, int row) throws SQLException {
		return new Arrival(rs.getString(1), staffNames.of(rs.getString(1)), rs.getTimestamp(2).toInstant());
	}

}
