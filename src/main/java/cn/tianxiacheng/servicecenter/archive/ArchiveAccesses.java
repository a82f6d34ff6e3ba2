package cn.tianxiacheng.servicecenter.archive;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.archive.ArchiveAccessProcess.Var;
import cn.tianxiacheng.servicecenter.system.ApproverGroups;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 档案查阅手续: access to an owner archive is asked with a reason and decided by the manager;
 * a consultation lasts a limited time, a borrowed paper file until it is returned.
 */
@Service
class ArchiveAccesses {

	/** Those who work cases may ask to read an archive in full; the auditor does not. */
	static final StaffGroup[] REQUESTERS = StaffGroup.workGroups().toArray(StaffGroup[]::new);

	enum Kind {

		CONSULT("查阅（批准后限时有效）"), BORROW("借阅纸质档案");

		final String label;

		Kind(String label) {
			this.label = label;
		}

	}

	record Access(long id, long archiveId, String requestedBy, String reason, Kind kind, String status,
			Timestamp requestedAt, Timestamp validUntil, LocalDate dueOn, String decidedBy, Timestamp returnedAt) {
	}

	record ReadLogEntry(long archiveId, String archiveNumber, long accessId, String readBy, Timestamp readAt) {
	}

	private final JdbcTemplate jdbc;

	private final SimpleJdbcInsert accessInsert;

	private final RuntimeService runtimeService;

	private final EngineAsSystem asSystem;

	private final Duration validFor;

	private final Clock clock;

	private final ApproverGroups approverGroups;

	private final StaffNames staffNames;

	ArchiveAccesses(JdbcTemplate jdbc, RuntimeService runtimeService, EngineAsSystem asSystem,
			ArchiveProperties properties, Clock clock,
			ApproverGroups approverGroups, StaffNames staffNames) {
		this.approverGroups = approverGroups;
		this.staffNames = staffNames;
		this.jdbc = jdbc;
		this.accessInsert = new SimpleJdbcInsert(jdbc).withTableName("archive_access").usingGeneratedKeyColumns("id");
		this.runtimeService = runtimeService;
		this.asSystem = asSystem;
		this.validFor = properties.accessValidFor();
		this.clock = clock;
	}

	/** Records the request and starts its process as the system; every working group may ask. */
	@Transactional
	Access request(long archiveId, String reason, Kind kind, LocalDate dueOn, Staff staff) {
		staff.require("您的岗位不能申请查阅业主档案", REQUESTERS);
		String requestedBy = staff.id();
		String archiveNumber = jdbc.query("""
				select a.archive_number from owner_archive a join unit_address u on u.unit_id = a.unit_id
				 where a.id = ? and u.estate_id = ?""", (rs, i) -> rs.getString(1), archiveId, staff.estateId())
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("业主档案不存在：编号 " + archiveId));
		if (kind == Kind.BORROW && (dueOn == null || !dueOn.isAfter(LocalDate.now(clock)))) {
			throw new BusinessRuleException("借阅纸质档案须填写晚于今天的归还日期");
		}
		String approverGroup = approverGroups.approving(StaffGroup.MANAGER, StaffGroup.DIRECTOR, staff);
		Map<String, Object> row = new HashMap<>();
		row.put("archive_id", archiveId);
		row.put("requested_by", requestedBy);
		row.put("reason", reason);
		row.put("kind", kind.name());
		row.put("status", "REQUESTED");
		row.put("requested_at", Timestamp.from(clock.instant()));
		row.put("due_on", kind == Kind.BORROW ? Date.valueOf(dueOn) : null);
		long accessId = accessInsert.executeAndReturnKey(row).longValue();
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.ACCESS_ID, accessId);
		variables.put(Var.ARCHIVE_ID, archiveId);
		variables.put(Var.ARCHIVE_NUMBER, archiveNumber);
		variables.put(Var.REQUESTED_BY, requestedBy);
		variables.put(Var.APPROVER_GROUP, approverGroup);
		variables.put(Var.REASON, reason);
		variables.put(Var.KIND, kind.name());
		variables.put(Var.REQUESTED_BY_NAME, staffNames.of(requestedBy));
		variables.put(Var.KIND_LABEL, kind.label);
		if (dueOn != null) {
			variables.put(Var.DUE_ON, dueOn.toString());
		}
		ProcessInstance instance = asSystem.call(() -> runtimeService.startProcessInstanceByKey(ArchiveAccessProcess.KEY,
				ArchiveAccessProcess.businessKey(accessId), variables));
		jdbc.update("update archive_access set process_instance_id = ? where id = ?", instance.getId(), accessId);
		return byId(accessId);
	}

	/** Records the manager's decision; an approved consultation is valid until the returned time. */
	Instant decide(long accessId, boolean approved, String decidedBy) {
		Instant now = clock.instant();
		Instant validUntil = approved ? now.plus(validFor) : null;
		jdbc.update("update archive_access set status = ?, decided_by = ?, decided_at = ?, valid_until = ? where id = ?",
				approved ? "APPROVED" : "REFUSED", decidedBy, Timestamp.from(now),
				validUntil == null ? null : Timestamp.from(validUntil), accessId);
		return validUntil;
	}

	void expire(long accessId) {
		jdbc.update("update archive_access set status = 'EXPIRED' where id = ? and status = 'APPROVED'", accessId);
	}

	/** Records the paper file's return; says whether it came back after its due date. */
	boolean returned(long accessId) {
		Instant now = clock.instant();
		jdbc.update("update archive_access set status = 'RETURNED', returned_at = ? where id = ?", Timestamp.from(now),
				accessId);
		return LocalDate.now(clock).isAfter(byId(accessId).dueOn());
	}

	/** The access under which the staff member may read the archive in clear now, if any. */
	Optional<Long> activeGrant(long archiveId, String staff) {
		return jdbc.query("""
				select id from archive_access
				 where archive_id = ? and requested_by = ? and status = 'APPROVED'
				   and (kind = 'BORROW' or valid_until > ?)
				 order by id desc""", (rs, i) -> rs.getLong(1), archiveId, staff, Timestamp.from(clock.instant()))
			.stream()
			.findFirst();
	}

	Access byId(long accessId) {
		return access("", accessId);
	}

	/** An access to an archive of the estate; another estate's is not found. */
	Access byId(long accessId, long estateId) {
		return access("and x.archive_id in (select a.id from owner_archive a join unit_address u on u.unit_id = a.unit_id"
				+ " where u.estate_id = ?)", accessId, estateId);
	}

	private Access access(String condition, Object... parameters) {
		return jdbc.query("""
				select x.id, x.archive_id, x.requested_by, x.reason, x.kind, x.status, x.requested_at, x.valid_until,
				       x.due_on, x.decided_by, x.returned_at from archive_access x where x.id = ? %s""".formatted(condition),
				(rs, i) -> new Access(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						Kind.valueOf(rs.getString(5)), rs.getString(6), rs.getTimestamp(7), rs.getTimestamp(8),
						rs.getDate(9) == null ? null : rs.getDate(9).toLocalDate(), rs.getString(10), rs.getTimestamp(11)),
				parameters)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("查阅申请不存在：编号 " + parameters[0]));
	}

	/** The clear reads of the estate's archives, newest first. */
	List<ReadLogEntry> readLog(long estateId) {
		return jdbc.query("""
				select l.archive_id, a.archive_number, l.access_id, l.read_by, l.read_at
				  from archive_read_log l join owner_archive a on a.id = l.archive_id
				  join unit_address u on u.unit_id = a.unit_id
				 where u.estate_id = ? order by l.id desc""",
				(rs, i) -> new ReadLogEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
						rs.getTimestamp(5)), estateId);
	}

}
