package cn.tianxiacheng.servicecenter.decoration;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;

import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 巡查: security's own patrols of the sites under way, with the checklist items found wanting. */
@Service
class DecorationPatrols {

	private final JdbcTemplate jdbc;

	private final DecorationSupervision supervision;

	private final DecorationJournal journal;

	private final Clock clock;

	DecorationPatrols(JdbcTemplate jdbc, DecorationSupervision supervision, DecorationJournal journal, Clock clock) {
		this.jdbc = jdbc;
		this.supervision = supervision;
		this.journal = journal;
		this.clock = clock;
	}

	/** Security's own patrol of a site: the checklist items found wanting and notes; a violation goes on as one. */
	@Transactional
	void recordPatrol(String number, Set<ChecklistItem> failedItems, String notes, Staff staff) {
		staff.require("只有秩序维护部可以登记巡查", StaffGroup.SECURITY);
		Decoration decoration = supervision.underway(number, staff);
		if (notes != null && notes.length() > 1000) {
			throw new BadInputException("巡查记录最多 1000 个字");
		}
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.update("""
				insert into decoration_inspection (decoration_id, kind, status, scheduled_at, failed_items, result, notes,
				                                   inspected_by, inspected_at)
				values (?, 'PATROL', 'DONE', ?, ?, ?, ?, ?, ?)""", decoration.id(), now, ChecklistItem.names(failedItems),
				failedItems.isEmpty() ? "OK" : "ISSUES", notes, staff.id(), now);
		journal.record(decoration.id(), "秩序维护部巡查", staff.id(),
				(failedItems.isEmpty() ? "正常" : "需注意：" + ChecklistItem.labels(failedItems)) + (notes == null ? "" : "。" + notes));
	}

}
