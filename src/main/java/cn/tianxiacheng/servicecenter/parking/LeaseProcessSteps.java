package cn.tianxiacheng.servicecenter.parking;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;

import cn.tianxiacheng.servicecenter.estate.Households;
import cn.tianxiacheng.servicecenter.fee.ParkingRent;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.Lease;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.LesseeKind;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.PaymentPlan;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the steps of {@code ParkingLeaseProcess} do to a lease: the contract with its rent, the
 * rent collected month by month, the start once it is paid, the grace period and the end that
 * gives the space back.
 */
@Component
class LeaseProcessSteps {

	private final ParkingLeases leases;

	private final JdbcTemplate jdbc;

	private final ParkingWaitlist waitlist;

	private final Households households;

	private final ParkingRent rent;

	private final LeaseJournal journal;

	private final Clock clock;

	LeaseProcessSteps(ParkingLeases leases, JdbcTemplate jdbc, ParkingWaitlist waitlist, Households households,
			ParkingRent rent, LeaseJournal journal, Clock clock) {
		this.leases = leases;
		this.jdbc = jdbc;
		this.waitlist = waitlist;
		this.households = households;
		this.rent = rent;
		this.journal = journal;
		this.clock = clock;
	}

	/** 签订合同: the space is held for the lessee and the rent billed (the whole term, or the first month). */
	BigDecimal issueContract(Lease lease) {
		if (!households.reserveSpace(lease.spaceId()) && !waitlist.offeredTo(lease.unitId(), lease.spaceId())) {
			throw new IllegalStateException("车位 " + lease.spaceNumber() + " 已不空闲，合同 " + lease.leaseNumber() + " 不能签订");
		}
		jdbc.update("update parking_lease set status = 'AWAITING_PAYMENT' where id = ? and status = 'APPLIED'",
				lease.id());
		BigDecimal billed = leases.billThrough(lease, lease.paymentPlan() == PaymentPlan.PREPAID ? lease.months() : 1,
				"system");
		journal.record(lease.id(), "签订合同，开具租金 " + billed.toPlainString() + " 元", "system", null);
		return billed;
	}

	/** The lease's last steps, for its tasks' forms. */
	String recentSteps(Lease lease) {
		return journal.recentSteps(lease.id());
	}

	boolean rentPaid(Lease lease) {
		return rent.isPaid(lease.leaseNumber(), lease.unitId());
	}

	void activate(Lease lease) {
		if (!households.leaseSpace(lease.spaceId(), lease.unitId(), lease.leaseNumber(), leases.plates(lease.id()))) {
			throw new IllegalStateException("车位 " + lease.spaceNumber() + " 已被占用，租赁 " + lease.leaseNumber() + " 不能生效");
		}
		waitlist.leased(lease.unitId(), lease.spaceId(), lease.lesseeKind() == LesseeKind.OWNER);
		jdbc.update("update parking_lease set status = 'ACTIVE' where id = ? and status = 'AWAITING_PAYMENT'", lease.id());
		journal.record(lease.id(), "租金已缴清，租赁生效", "system", null);
	}

	/** A monthly plan's next month, when its first day is within the term. */
	void billNextMonth(Lease lease) {
		if (lease.billedMonths() < lease.months()) {
			leases.billThrough(lease, lease.billedMonths() + 1, "system");
		}
	}

	void startGrace(Lease lease) {
		jdbc.update("update parking_lease set status = 'GRACE' where id = ? and status = 'ACTIVE'", lease.id());
		journal.record(lease.id(), "租期届满未续租，进入宽限期", "system", null);
	}

	/** 收回车位: the lease ends, its space goes to the next on the waiting list or is free. */
	void end(Lease lease) {
		jdbc.update("update parking_lease set status = 'ENDED', closed_at = ? where id = ? and status = 'GRACE'",
				Timestamp.from(clock.instant()), lease.id());
		leases.releaseSpace(lease.spaceId());
		journal.record(lease.id(), "宽限期满未续租，收回车位 " + lease.spaceNumber(), "system", null);
	}

}
