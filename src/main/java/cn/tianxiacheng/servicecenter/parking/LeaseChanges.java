package cn.tianxiacheng.servicecenter.parking;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.estate.Households;
import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.fee.ParkingRent.RentRefund;
import cn.tianxiacheng.servicecenter.fee.ParkingRent;
import cn.tianxiacheng.servicecenter.fee.PaymentMethod;
import cn.tianxiacheng.servicecenter.parking.ParkingLeaseProcess.Var;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.Lease;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.LesseeKind;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.PaymentPlan;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.Status;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's changes to a running lease: the renewal that moves its one end date on without a gap,
 * plate changes, the move to another space, and early termination with the pro-rata refund; each
 * written to the lease's journal and told to its process.
 */
@Service
class LeaseChanges {

	private final ParkingLeases leases;

	private final JdbcTemplate jdbc;

	private final ParkingLessees lessees;

	private final ParkingWaitlist waitlist;

	private final Households households;

	private final ParkingRent rent;

	private final RuntimeService runtimeService;

	private final EngineAsSystem asSystem;

	private final LeaseJournal journal;

	private final Clock clock;

	LeaseChanges(ParkingLeases leases, JdbcTemplate jdbc, ParkingLessees lessees, ParkingWaitlist waitlist,
			Households households, ParkingRent rent, RuntimeService runtimeService, EngineAsSystem asSystem,
			LeaseJournal journal, Clock clock) {
		this.leases = leases;
		this.jdbc = jdbc;
		this.lessees = lessees;
		this.waitlist = waitlist;
		this.households = households;
		this.rent = rent;
		this.runtimeService = runtimeService;
		this.asSystem = asSystem;
		this.journal = journal;
		this.clock = clock;
	}

	/**
	 * 续租: the term goes on from the day after the old end, by whole months from the start (one
	 * end date, no gap); prepaid rent is billed now, monthly rent as the months come.
	 */
	@Transactional
	public Lease renew(String leaseNumber, Integer months, Staff staff) {
		staff.require("只有接待员或经理可以办理续租", StaffGroup.RECEPTION, StaffGroup.MANAGER);
		leases.requireMonths(months);
		Lease lease = leases.byNumber(staff.estateId(), leaseNumber);
		if (lease.status() != Status.ACTIVE && lease.status() != Status.GRACE) {
			throw new ConflictException("租赁 " + leaseNumber + " " + lease.status().label() + "，不能续租");
		}
		int total = lease.months() + months;
		LocalDate end = ParkingLeases.endOf(lease.startDate(), total);
		jdbc.update("update parking_lease set months = ?, end_date = ?, status = 'ACTIVE' where id = ?", total,
				Date.valueOf(end), lease.id());
		Lease renewed = leases.byId(lease.id());
		if (renewed.paymentPlan() == PaymentPlan.PREPAID) {
			leases.billThrough(renewed, total, staff.id());
		}
		journal.record(lease.id(), "续租 " + months + " 个月，自 " + lease.endDate().plusDays(1) + " 起至 " + end,
				staff.id(), null);
		asSystem.run(() -> {
			runtimeService.setVariables(lease.processInstanceId(),
					Map.of(Var.TERM_TEXT, renewed.termText(), Var.RECENT_STEPS, journal.recentSteps(lease.id())));
			runtimeService.createMessageCorrelation(ParkingLeaseProcess.RENEWED)
				.processInstanceBusinessKey(leaseNumber)
				.correlate();
		});
		return leases.byId(lease.id());
	}

	/**
	 * 提前退租: the lease ends after its last day; the rent paid for the days after it is refunded
	 * pro rata through the fee engine; the space goes to the next on the waiting list.
	 */
	@Transactional
	public RentRefund terminate(String leaseNumber, LocalDate lastDay, String reason, PaymentMethod method,
			Staff staff) {
		staff.require("只有接待员或经理可以办理退租", StaffGroup.RECEPTION, StaffGroup.MANAGER);
		if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
			throw new BadInputException("请填写退租原因（最多 200 个字）");
		}
		Lease lease = leases.byNumber(staff.estateId(), leaseNumber);
		if (lease.status() != Status.ACTIVE) {
			throw new ConflictException("租赁 " + leaseNumber + " " + lease.status().label() + "，不能办理提前退租");
		}
		LocalDate today = LocalDate.now(clock);
		if (lastDay == null || lastDay.isBefore(today.minusDays(1)) || lastDay.isBefore(lease.startDate().minusDays(1))
				|| !lastDay.isBefore(lease.endDate())) {
			throw new BadInputException("退租的最后一天须不早于昨天、不早于起租前一天，并早于租期结束日 " + lease.endDate());
		}
		RentRefund refund = rent.refundAfter(leaseNumber, lease.unitId(), lastDay, method, reason.strip(), staff.id());
		jdbc.update("update parking_lease set end_date = ?, status = 'TERMINATED', closed_at = ? where id = ?",
				Date.valueOf(lastDay), Timestamp.from(clock.instant()), lease.id());
		leases.releaseSpace(lease.spaceId());
		journal.record(lease.id(), "提前退租，租至 " + lastDay + "；已用部分 " + refund.usedPart() + " 元，退还 "
				+ refund.refunded() + " 元", staff.id(), reason.strip());
		asSystem.run(() -> runtimeService.createMessageCorrelation(ParkingLeaseProcess.TERMINATED)
			.processInstanceBusinessKey(leaseNumber)
			.correlate());
		return refund;
	}

	/** 变更车牌: the plates the lease covers, the household's and on no other lease. */
	@Transactional
	public Lease changePlates(String leaseNumber, List<String> plates, Staff staff) {
		staff.require("只有接待员或经理可以变更车牌", StaffGroup.RECEPTION, StaffGroup.MANAGER);
		Lease lease = leases.byNumber(staff.estateId(), leaseNumber);
		requireOpen(lease);
		Unit unit = lessees.unit(lease.estateId(), lease.unitNumber());
		List<String> checked = lessees.requirePlates(unit, plates, lease.id());
		List<String> before = leases.plates(lease.id());
		jdbc.update("delete from parking_lease_plate where lease_id = ?", lease.id());
		checked.forEach(plate -> jdbc.update("insert into parking_lease_plate (lease_id, plate_number) values (?, ?)",
				lease.id(), plate));
		if (lease.status() == Status.ACTIVE || lease.status() == Status.GRACE) {
			households.parkVehicles(lease.unitId(), checked, lease.spaceId());
		}
		journal.record(lease.id(), "变更车牌：" + String.join("、", before) + " → " + String.join("、", checked), staff.id(),
				null);
		asSystem.run(() -> runtimeService.setVariables(lease.processInstanceId(),
				Map.of(Var.PLATES, String.join("、", checked), Var.RECENT_STEPS, journal.recentSteps(lease.id()))));
		return leases.byId(lease.id());
	}

	/** 换车位: the lease moves to a free space at the same rent; the old one goes to the waiting list. */
	@Transactional
	public Lease transfer(String leaseNumber, String spaceNumber, Staff staff) {
		staff.require("只有接待员或经理可以办理换车位", StaffGroup.RECEPTION, StaffGroup.MANAGER);
		Lease lease = leases.byNumber(staff.estateId(), leaseNumber);
		if (lease.status() != Status.ACTIVE) {
			throw new ConflictException("租赁 " + leaseNumber + " " + lease.status().label() + "，不能换车位");
		}
		Map<String, Object> space = leases.space(lease.estateId(), spaceNumber);
		long spaceId = ((Number) space.get("id")).longValue();
		if (spaceId == lease.spaceId()) {
			throw new BadInputException("新车位与原车位相同");
		}
		leases.requireFreeFor(space, lease.unitId(), lease.lesseeKind() == LesseeKind.OWNER, lease.id());
		if (!households.leaseSpace(spaceId, lease.unitId(), leaseNumber, leases.plates(lease.id()))) {
			throw new ConflictException("车位 " + spaceNumber + " 刚被占用，请另选车位");
		}
		waitlist.leased(lease.unitId(), spaceId, lease.lesseeKind() == LesseeKind.OWNER);
		leases.releaseSpace(lease.spaceId());
		jdbc.update("update parking_lease set space_id = ? where id = ?", spaceId, lease.id());
		journal.record(lease.id(), "换车位：" + lease.spaceNumber() + " → " + spaceNumber, staff.id(), null);
		asSystem.run(() -> runtimeService.setVariables(lease.processInstanceId(),
				Map.of(Var.SPACE_NUMBER, spaceNumber, Var.RECENT_STEPS, journal.recentSteps(lease.id()))));
		return leases.byId(lease.id());
	}

	private void requireOpen(Lease lease) {
		if (!lease.status().isOpen()) {
			throw new ConflictException("租赁 " + lease.leaseNumber() + " " + lease.status().label() + "，不能变更");
		}
	}

}
