package cn.tianxiacheng.servicecenter.parking;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.estate.PersonalDataMask;
import cn.tianxiacheng.servicecenter.estate.PhoneNumbers;
import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 车位候补: who waits for a space. Owners come first (民法典第二百七十六条: the estate's spaces serve
 * its owners' needs first), then tenants, each in the order they asked. A released space is held
 * for the first one waiting.
 */
@Service
class ParkingWaitlist {

	record Entry(long id, String unitNumber, boolean owner, String applicantName, String applicantPhone, String status,
			String offeredSpace, Timestamp requestedAt) {

		public String statusLabel() {
			return switch (status) {
				case "WAITING" -> "候补中";
				case "OFFERED" -> "已为其保留 " + offeredSpace;
				case "LEASED" -> "已租到车位";
				default -> "已撤回";
			};
		}

	}

	private static final String ORDER = " order by case when w.status = 'OFFERED' then 0 else 1 end,"
			+ " case when w.owner then 0 else 1 end, w.requested_at, w.id";

	private final JdbcTemplate jdbc;

	private final ParkingLessees lessees;

	private final Clock clock;

	ParkingWaitlist(JdbcTemplate jdbc, ParkingLessees lessees, Clock clock) {
		this.jdbc = jdbc;
		this.lessees = lessees;
		this.clock = clock;
	}

	@Transactional
	Entry add(String unitNumber, boolean owner, String name, String phone, Staff staff) {
		staff.require("只有接待员或经理可以登记车位候补", StaffGroup.RECEPTION, StaffGroup.MANAGER);
		if (name == null || name.isBlank() || name.strip().length() > 50) {
			throw new BadInputException("请填写候补人姓名（最多 50 个字）");
		}
		if (!PhoneNumbers.isValid(phone)) {
			throw new BadInputException("候补人联系电话不正确（手机 11 位，或带区号的座机）");
		}
		Unit unit = lessees.unit(staff.estateId(), unitNumber);
		lessees.requireOfUnit(unit, owner, name.strip());
		jdbc.update("""
				insert into parking_waitlist (unit_id, owner, applicant_name, applicant_phone, status, requested_at,
				                              requested_by)
				values (?, ?, ?, ?, 'WAITING', ?, ?)""", unit.getId(), owner, name.strip(), phone.strip(),
				Timestamp.from(clock.instant()), staff.id());
		return list(staff.estateId(), PersonalDataMask.MASKED).stream().max(Comparator.comparingLong(Entry::id))
			.orElseThrow();
	}

	/** The estate's waiting list in its order: offers first, then owners, then tenants, earliest first. */
	List<Entry> list(long estateId, PersonalDataMask mask) {
		return jdbc.query("""
				select w.id, u.unit_number, w.owner, w.applicant_name, w.applicant_phone, w.status, s.number, w.requested_at
				  from parking_waitlist w join unit_address u on u.unit_id = w.unit_id
				  left join parking_space_state s on s.id = w.offered_space_id
				 where w.status in ('WAITING', 'OFFERED') and u.estate_id = ?""" + ORDER,
				(rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getBoolean(3), mask.name(rs.getString(4)),
						mask.phone(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getTimestamp(8)),
				estateId);
	}

	boolean ownersWaiting(long estateId) {
		return jdbc.queryForObject("""
				select count(*) from parking_waitlist w join unit_address u on u.unit_id = w.unit_id
				 where w.status = 'WAITING' and w.owner and u.estate_id = ?""", Integer.class, estateId) > 0;
	}

	/** Whether the space is held for one waiting of the unit. */
	boolean offeredTo(long unitId, long spaceId) {
		return jdbc.queryForObject("""
				select count(*) from parking_waitlist
				 where unit_id = ? and offered_space_id = ? and status = 'OFFERED'""", Integer.class, unitId, spaceId) > 0;
	}

	/** Holds the space for the first one of its estate waiting; empty when nobody waits there. */
	Optional<Long> offer(long spaceId) {
		Optional<Long> next = jdbc.queryForList("""
				select w.id from parking_waitlist w join unit_address u on u.unit_id = w.unit_id
				 where w.status = 'WAITING' and u.estate_id = (select estate_id from parking_space_state where id = ?)"""
				+ ORDER, Long.class, spaceId).stream().findFirst();
		next.ifPresent(entryId -> jdbc.update(
				"update parking_waitlist set status = 'OFFERED', offered_space_id = ? where id = ?", spaceId, entryId));
		return next;
	}

	/**
	 * A lease taken ends the unit's entry: the one the space was held for, or else the unit's
	 * earliest entry of the lessee's kind (an owner who found a vacant space waits no more).
	 */
	void leased(long unitId, long spaceId, boolean owner) {
		Timestamp now = Timestamp.from(clock.instant());
		int offered = jdbc.update("""
				update parking_waitlist set status = 'LEASED', closed_at = ?, closed_by = 'system'
				 where unit_id = ? and offered_space_id = ? and status = 'OFFERED'""", now, unitId, spaceId);
		if (offered == 0) {
			jdbc.queryForList("""
					select id from parking_waitlist where unit_id = ? and owner = ? and status = 'WAITING'
					 order by requested_at, id""", Long.class, unitId, owner).stream().findFirst()
				.ifPresent(entryId -> jdbc.update("""
						update parking_waitlist set status = 'LEASED', offered_space_id = ?, closed_at = ?,
						       closed_by = 'system' where id = ?""", spaceId, now, entryId));
		}
	}

	/** 撤回: the applicant no longer waits; returns the space that was held for them, if any. */
	Optional<Long> withdraw(long entryId, String reason, Staff staff) {
		staff.require("只有接待员或经理可以撤回车位候补", StaffGroup.RECEPTION, StaffGroup.MANAGER);
		if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
			throw new BadInputException("请填写撤回原因（最多 200 个字）");
		}
		List<Long> held = jdbc.query("""
				select w.status, w.offered_space_id from parking_waitlist w join unit_address u on u.unit_id = w.unit_id
				 where w.id = ? and u.estate_id = ?""",
				(rs, i) -> {
					if (!List.of("WAITING", "OFFERED").contains(rs.getString(1))) {
						throw new ConflictException("候补 " + entryId + " 已结束，不能撤回");
					}
					return "OFFERED".equals(rs.getString(1)) ? rs.getLong(2) : null;
				}, entryId, staff.estateId());
		if (held.isEmpty()) {
			throw new NotFoundException("没有编号为 " + entryId + " 的候补");
		}
		jdbc.update("""
				update parking_waitlist set status = 'WITHDRAWN', closed_at = ?, closed_by = ?, closed_reason = ?
				 where id = ? and status in ('WAITING', 'OFFERED')""", Timestamp.from(clock.instant()), staff.id(),
				reason.strip(), entryId);
		return Optional.ofNullable(held.get(0));
	}

}
