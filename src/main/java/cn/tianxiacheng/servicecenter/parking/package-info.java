/**
 * Parking leases (车位租赁): the owner-first waiting list, applications, contracts with their rent,
 * ParkingLeaseProcess (reminders, renewal without a gap, grace period, release), plate changes,
 * transfers and early termination; owns parking_lease, its plates and steps, and parking_waitlist.
 */
@ApplicationModule(displayName = "parking 车位租赁",
		allowedDependencies = { "estate", "fee", "journal", "system", "system :: engine", "system :: errors",
				"system :: numbering", "system :: pages", "system :: security", "system :: setup" })
@OwnsTables({ "parking_lease", "parking_lease_plate", "parking_lease_step", "parking_waitlist" })
package cn.tianxiacheng.servicecenter.parking;

import cn.tianxiacheng.servicecenter.system.OwnsTables;
import org.springframework.modulith.ApplicationModule;
