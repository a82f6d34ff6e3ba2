package cn.tianxiacheng.servicecenter.archive;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;

import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.WorkbenchNotes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The requester's access requests: their state on the archive's page, and on 工作台 the manager's
 * decision of the last week (approved: until when the archive may be read).
 */
@Component
class ArchiveAccessNotes implements WorkbenchNotes {

	private static final Duration RECENT = Duration.ofDays(7);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ArchiveAccessNotes(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** One of the requester's requests as the archive's page lists it. */
	record Request(String kindLabel, String statusLabel, Timestamp requestedAt, Timestamp validUntil) {
	}

	List<Request> of(long archiveId, Staff requester) {
		return jdbc.query("""
				select kind, status, requested_at, valid_until from archive_access
				 where archive_id = ? and requested_by = ? order by id desc""",
				(rs, i) -> new Request(ArchiveAccesses.Kind.valueOf(rs.getString(1)).label, label(rs.getString(2)),
						rs.getTimestamp(3), rs.getTimestamp(4)),
				archiveId, requester.id());
	}

	@Override
	public List<Note> notesFor(Staff staff) {
		DateTimeFormatter minutes = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(clock.getZone());
		return jdbc.query("""
				select a.id, a.archive_number, x.status, x.valid_until from archive_access x
				  join owner_archive a on a.id = x.archive_id
				 where x.requested_by = ? and x.decided_at >= ? and x.status in ('APPROVED', 'REFUSED')
				 order by x.decided_at desc""", (rs, i) -> {
			String archive = "档案 " + rs.getString(2) + " 的查阅申请";
			Timestamp until = rs.getTimestamp(4);
			String text = "REFUSED".equals(rs.getString(3)) ? archive + "未获批准"
					: archive + "已批准" + (until == null ? "，可借阅" : "，可查看至 " + minutes.format(until.toInstant()));
			return new Note(text, "/archives/" + rs.getLong(1));
		}, staff.id(), Timestamp.from(clock.instant().minus(RECENT)));
	}

	private static String label(String status) {
		return switch (status) {
			case "REQUESTED" -> "待经理批准";
			case "APPROVED" -> "已批准";
			case "REFUSED" -> "未获批准";
			case "EXPIRED" -> "已过期";
			case "RETURNED" -> "已归还";
			default -> status;
		};
	}

}
