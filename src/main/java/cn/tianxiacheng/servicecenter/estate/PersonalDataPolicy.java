package cn.tianxiacheng.servicecenter.estate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import cn.tianxiacheng.servicecenter.system.CrossSiteReads;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one rule for personal data, on every page and answer: the groups that phone owners in
 * their work ({@code servicecenter.privacy.phones-visible-to}) see phones and names in clear on
 * a record they open; every other group sees them masked; lists show phones masked to all; ID
 * numbers are shown in clear only through an approved archive access (see the archive); the
 * one who holds a case's work on site sees its contact's phone on the work order. Each
 * clear read is logged (who, when, which record, why) in {@code personal_data_read}.
 */
@Component
public class PersonalDataPolicy {

	public record ClearRead(String readBy, Timestamp readAt, String recordType, String recordId, String fields,
			String purpose) {
	}

	private final PersonalDataProperties properties;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	PersonalDataPolicy(PersonalDataProperties properties, JdbcTemplate jdbc, Clock clock) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** For a list of records: names as the viewer's group may see them, phones and ID numbers masked. */
	public PersonalDataMask forList(Staff viewer) {
		return new PersonalDataMask(false, false, callsOwners(viewer));
	}

	/**
	 * For one record the viewer opens: phones and names in clear for the groups that call owners,
	 * and the read logged; masked for the others.
	 */
	public PersonalDataMask forRecord(Staff viewer, String recordType, Object recordId, String purpose) {
		if (!callsOwners(viewer) || CrossSiteReads.isCrossSite()) {
			return PersonalDataMask.MASKED;
		}
		logClearRead(viewer, recordType, recordId, "phone", purpose);
		return new PersonalDataMask(true, false, true);
	}

	/**
	 * For owners' names shown on records the viewer looks up (the cashier's counter finds a unit by
	 * its owner's name): in clear for the groups that call owners, each record's read logged;
	 * masked for the others.
	 */
	public PersonalDataMask forNames(Staff viewer, String recordType, Collection<?> recordIds, String purpose) {
		if (!callsOwners(viewer) || CrossSiteReads.isCrossSite()) {
			return PersonalDataMask.MASKED;
		}
		recordIds.forEach(recordId -> logClearRead(viewer, recordType, recordId, "name", purpose));
		return new PersonalDataMask(false, false, true);
	}

	/**
	 * For the staff member who holds a case's work on site (the engineer of a repair): the
	 * contact's name and phone in clear, to call before the visit, and the read logged.
	 */
	public PersonalDataMask forAssignedWork(Staff viewer, String recordType, Object recordId, String purpose) {
		if (CrossSiteReads.isCrossSite()) {
			return PersonalDataMask.MASKED;
		}
		logClearRead(viewer, recordType, recordId, "phone", purpose);
		return new PersonalDataMask(true, false, true);
	}

	/** Logs a read in clear that another rule allowed (an approved archive access), in the viewer's estate. */
	public void logClearRead(Staff viewer, String recordType, Object recordId, String fields, String purpose) {
		jdbc.update("""
				insert into personal_data_read (estate_id, read_by, read_at, record_type, record_id, fields, purpose)
				values (?, ?, ?, ?, ?, ?, ?)""", viewer.estateId(), viewer.id(), Timestamp.from(clock.instant()), recordType,
				String.valueOf(recordId), fields, purpose.length() <= 200 ? purpose : purpose.substring(0, 200));
	}

	/** The latest clear reads in the viewer's estate, newest first: for the auditor and the manager. */
	public List<ClearRead> readLog(Staff viewer, int limit) {
		viewer.require("只有审计和经理可以查看个人信息查阅记录", StaffGroup.AUDITOR, StaffGroup.MANAGER);
		return jdbc.query("""
				select read_by, read_at, record_type, record_id, fields, purpose from personal_data_read
				 where estate_id = ? order by id desc fetch first %d rows only""".formatted(limit),
				(rs, i) -> new ClearRead(rs.getString(1), rs.getTimestamp(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6)), viewer.estateId());
	}

	/** The clear reads of one record of the estate, for its story (the caller shows it only to whom may see it). */
	public List<ClearRead> readsOf(long estateId, String recordId) {
		return jdbc.query("""
				select read_by, read_at, record_type, record_id, fields, purpose from personal_data_read
				 where estate_id = ? and record_id = ?""", (rs, i) -> new ClearRead(rs.getString(1), rs.getTimestamp(2),
				rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), estateId, recordId);
	}

	private boolean callsOwners(Staff viewer) {
		return !Collections.disjoint(viewer.groupIds(), properties.phonesVisibleTo());
	}

}
