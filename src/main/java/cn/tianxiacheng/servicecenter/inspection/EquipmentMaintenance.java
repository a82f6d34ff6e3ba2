package cn.tianxiacheng.servicecenter.inspection;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 特种设备维保: each piece of special equipment keeps its legal cadence (an elevator every 15
 * days); engineering records the contractor's visit, and another staff member of engineering or
 * the manager countersigns it. The next visit is due a cadence after the last.
 */
@Service
class EquipmentMaintenance {

	private static final String VISITS = """
			select m.id, m.equipment_id, e.name, m.maintained_on, m.technician, m.work_done, m.recorded_by, m.recorded_at,
			       m.countersigned_by, m.countersigned_at
			  from equipment_maintenance m join equipment e on e.id = m.equipment_id""";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	EquipmentMaintenance(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Equipment(long id, String name, String kind, String location, String contractor, int cadenceDays,
			LocalDate lastMaintainedOn, LocalDate nextDue, boolean overdue) {
	}

	record Visit(long id, long equipmentId, String equipmentName, LocalDate maintainedOn, String technician,
			String workDone, String recordedBy, Instant recordedAt, String countersignedBy, Instant countersignedAt) {
	}

	/** The estate's equipment with its last visit and when the next is due; overdue ones first. */
	List<Equipment> schedule(long estateId) {
		LocalDate today = LocalDate.now(clock);
		return jdbc.query("""
				select e.id, e.name, e.kind, e.location, e.contractor, e.cadence_days, e.in_service_since,
				       (select max(m.maintained_on) from equipment_maintenance m where m.equipment_id = e.id)
				  from equipment e where e.estate_id = ? order by e.name""", (rs, i) -> {
			LocalDate last = rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate();
			LocalDate from = last != null ? last : rs.getDate(7).toLocalDate();
			LocalDate next = from.plusDays(rs.getInt(6));
			return new Equipment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getInt(6), last, next, next.isBefore(today));
		}, estateId);
	}

	List<Visit> latestVisits(long estateId, int limit) {
		return jdbc.query(VISITS + " where e.estate_id = ? order by m.maintained_on desc, m.id desc fetch first %d rows only"
			.formatted(limit), this::visit, estateId);
	}

	private Visit visit(ResultSet rs, int row) throws SQLException {
		Timestamp countersignedAt = rs.getTimestamp(10);
		return new Visit(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9),
				countersignedAt == null ? null : countersignedAt.toInstant());
	}

	/** Engineering records the contractor's visit: not in the future, not before the last one. */
	@Transactional
	void recordVisit(long equipmentId, LocalDate maintainedOn, String technician, String workDone, Staff staff) {
		staff.require("只有工程部可以登记维保记录", StaffGroup.ENGINEERING);
		Equipment equipment = schedule(staff.estateId()).stream()
			.filter(e -> e.id() == equipmentId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("设备不存在：编号 " + equipmentId));
		if (maintainedOn == null || technician == null || technician.isBlank() || workDone == null || workDone.isBlank()) {
			throw new BadInputException("请填写维保日期、维保单位人员和维保内容");
		}
		if (technician.strip().length() > 50 || workDone.strip().length() > 500) {
			throw new BadInputException("维保人员最多 50 个字，维保内容最多 500 个字");
		}
		if (maintainedOn.isAfter(LocalDate.now(clock))) {
			throw new BusinessRuleException("维保日期不能晚于今天");
		}
		if (equipment.lastMaintainedOn() != null && maintainedOn.isBefore(equipment.lastMaintainedOn())) {
			throw new BusinessRuleException("维保日期不能早于上次维保（" + equipment.lastMaintainedOn() + "）");
		}
		jdbc.update("""
				insert into equipment_maintenance (equipment_id, maintained_on, technician, work_done, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?)""", equipmentId, Date.valueOf(maintainedOn), technician.strip(), workDone.strip(),
				staff.id(), Timestamp.from(clock.instant()));
	}

	/** 签认: someone of engineering or the manager, other than who recorded the visit. */
	@Transactional
	void countersign(long visitId, Staff staff) {
		staff.require("只有工程部或经理可以签认维保记录", StaffGroup.ENGINEERING, StaffGroup.MANAGER);
		Visit visit = jdbc.query(VISITS + " where m.id = ? and e.estate_id = ?", this::visit, visitId, staff.estateId())
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("维保记录不存在：编号 " + visitId));
		if (visit.countersignedBy() != null) {
			throw new ConflictException("该维保记录已签认");
		}
		if (visit.recordedBy().equals(staff.id())) {
			throw new BusinessRuleException("登记人不能自己签认，请由另一位工程部同事或经理签认");
		}
		jdbc.update("update equipment_maintenance set countersigned_by = ?, countersigned_at = ? where id = ?", staff.id(),
				Timestamp.from(clock.instant()), visitId);
	}

}
