package cn.tianxiacheng.servicecenter.estate;

import java.time.LocalDate;

/**
 * Published when a new household moved into a unit: what the former household held (a parking
 * space under a lease contract) is theirs to settle with the service center.
 */
public record HouseholdMovedIn(long unitId, String unitNumber, LocalDate on) {
}
