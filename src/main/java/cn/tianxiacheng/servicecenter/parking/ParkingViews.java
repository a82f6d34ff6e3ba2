package cn.tianxiacheng.servicecenter.parking;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.tianxiacheng.servicecenter.estate.ParkingSpaceStatus;
import cn.tianxiacheng.servicecenter.estate.PersonalDataMask;
import cn.tianxiacheng.servicecenter.estate.PersonalDataPolicy;
import cn.tianxiacheng.servicecenter.journal.Journal.Step;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.Lease;
import cn.tianxiacheng.servicecenter.system.Staff;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the parking pages and API show: spaces by status with their lessee, leases ending soon,
 * one lease with its story; the lessee's phone by the personal-data rule.
 */
@Component
class ParkingViews {

	record SpaceLine(String number, String location, String status, String unitNumber, String leaseNumber,
			LocalDate leaseEnd) {
	}

	record LeaseLine(String leaseNumber, String unitNumber, String lessee, String spaceNumber, String plates,
			LocalDate startDate, LocalDate endDate, String status) {
	}

	record LeaseView(String leaseNumber, long unitId, String unitNumber, String lessee, String lesseePhone,
			String spaceNumber, List<String> plates, LocalDate startDate, int months, LocalDate endDate,
			BigDecimal monthlyRent, String paymentPlan, String status, String statusCode, List<Step> steps) {
	}

	private static final int MAX_ROWS = 500;

	private final ParkingLeases leases;

	private final LeaseJournal journal;

	private final PersonalDataPolicy privacy;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ParkingViews(ParkingLeases leases, LeaseJournal journal, PersonalDataPolicy privacy, JdbcTemplate jdbc,
			Clock clock) {
		this.leases = leases;
		this.journal = journal;
		this.privacy = privacy;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The estate's spaces of a status (all when none), with the unit that leases or bought them and the lease's end. */
	List<SpaceLine> spaces(long estateId, ParkingSpaceStatus status) {
		String sql = """
				select s.number, s.location, s.status, u.unit_number, l.lease_number, l.end_date
				  from parking_space_state s left join unit_address u on u.unit_id = s.unit_id
				  left join parking_lease l on l.lease_number = s.contract_number
				 where s.estate_id = ? %s order by s.number fetch first %d rows only"""
			.formatted(status == null ? "" : "and s.status = ?", MAX_ROWS);
		return jdbc.query(sql,
				(rs, i) -> new SpaceLine(rs.getString(1), rs.getString(2),
						ParkingSpaceStatus.valueOf(rs.getString(3)).label(), rs.getString(4), rs.getString(5),
						rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate()),
				status == null ? new Object[] { estateId } : new Object[] { estateId, status.name() });
	}

	/** Leases in force or in their grace period that end within the days, the nearest first. */
	List<LeaseLine> endingWithin(int days, Staff viewer) {
		LocalDate today = LocalDate.now(clock);
		return lines(leases.list(viewer.estateId(), "l.status in ('ACTIVE', 'GRACE') and l.end_date <= ?",
				Date.valueOf(today.plusDays(days))), viewer);
	}

	List<LeaseLine> open(Staff viewer) {
		return lines(leases.list(viewer.estateId(), "l.status in ('APPLIED', 'AWAITING_PAYMENT', 'ACTIVE', 'GRACE')"),
				viewer);
	}

	@Transactional
	LeaseView of(String leaseNumber, Staff viewer) {
		Lease lease = leases.byNumber(viewer.estateId(), leaseNumber);
		PersonalDataMask mask = privacy.forRecord(viewer, "PARKING_LEASE", leaseNumber, "查看车位租赁");
		return new LeaseView(lease.leaseNumber(), lease.unitId(), lease.unitNumber(),
				lease.lesseeKind().label() + " " + mask.name(lease.lesseeName()), mask.phone(lease.lesseePhone()),
				lease.spaceNumber(), leases.plates(lease.id()), lease.startDate(), lease.months(), lease.endDate(),
				lease.monthlyRent(), lease.paymentPlan().label(), lease.status().label(), lease.status().name(),
				journal.steps(lease.id()));
	}

	private List<LeaseLine> lines(List<Lease> list, Staff viewer) {
		PersonalDataMask mask = privacy.forList(viewer);
		return list.stream()
			.map(lease -> new LeaseLine(lease.leaseNumber(), lease.unitNumber(),
					lease.lesseeKind().label() + " " + mask.name(lease.lesseeName()), lease.spaceNumber(),
					String.join("、", leases.plates(lease.id())), lease.startDate(), lease.endDate(),
					lease.status().label()))
			.toList();
	}

}
