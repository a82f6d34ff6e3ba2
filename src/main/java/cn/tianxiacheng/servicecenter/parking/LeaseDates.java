package cn.tianxiacheng.servicecenter.parking;

import java.util.Date;

import cn.tianxiacheng.servicecenter.parking.ParkingLeases.Lease;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.PaymentPlan;
import cn.tianxiacheng.servicecenter.system.EstateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The dates of a lease's timers ({@code ${parkingLeaseDates.termEnds(execution)}}), read from the
 * lease's record when the timer is set: the end date lives there only, so a renewal that moves it
 * moves every timer set after it. Times are in the estate's zone. Public: the engine calls it by
 * expression.
 */
@Component("parkingLeaseDates")
public class LeaseDates {

	private final ParkingLeases leases;

	private final ParkingProperties properties;

	private final EstateTime estateTime;

	LeaseDates(ParkingLeases leases, ParkingProperties properties, EstateTime estateTime) {
		this.leases = leases;
		this.properties = properties;
		this.estateTime = estateTime;
	}

	/** 09:00, the first reminder's days before the end. */
	public Date firstReminder(DelegateExecution execution) {
		return estateTime.at(execution, lease(execution).endDate().minusDays(properties.firstReminderDays()), "09:00");
	}

	public Date secondReminder(DelegateExecution execution) {
		return estateTime.at(execution, lease(execution).endDate().minusDays(properties.secondReminderDays()), "09:00");
	}

	/** The start of the day after the end. */
	public Date termEnds(DelegateExecution execution) {
		return estateTime.at(execution, lease(execution).endDate().plusDays(1), "00:00");
	}

	/** The start of the day after the grace period. */
	public Date graceEnds(DelegateExecution execution) {
		return estateTime.at(execution, lease(execution).endDate().plusDays(1).plus(properties.gracePeriod()), "00:00");
	}

	/** Whether a monthly plan has a month of the term still to bill. */
	public boolean hasRentToBill(DelegateExecution execution) {
		Lease lease = lease(execution);
		return lease.paymentPlan() == PaymentPlan.MONTHLY && lease.billedMonths() < lease.months();
	}

	/** The first day of the next month to bill. */
	public Date nextRentDue(DelegateExecution execution) {
		Lease lease = lease(execution);
		return estateTime.at(execution, lease.startDate().plusMonths(lease.billedMonths()), "00:00");
	}

	private Lease lease(DelegateExecution execution) {
		return leases.byNumber(execution.getProcessBusinessKey());
	}

}
