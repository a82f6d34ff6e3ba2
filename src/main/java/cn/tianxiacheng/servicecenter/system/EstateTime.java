package cn.tianxiacheng.servicecenter.system;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.modulith.NamedInterface;

/**
 * A day and a time of day in an estate's time zone, for the processes' timers and due dates:
 * {@code ${estateTime.at(execution, dueOn, '17:00')}} is 17:00 in the zone of the instance's estate (its
 * tenant) whatever zone the server runs in (a bare {@code 2026-12-01T17:00:00} would be read in the
 * server's zone); {@code ${estateTime.atOpening(execution, newDate)}} is when its service center opens.
 */
@NamedInterface("setup")
public class EstateTime {

	private final Function<String, ZoneId> zoneOfEstate;

	private final Function<String, EstateHours> hoursOfEstate;

	/**
	 * @param zoneOfEstate an estate's zone by its code, the company's for none
	 * @param hoursOfEstate an estate's business hours by its code
	 */
	public EstateTime(Function<String, ZoneId> zoneOfEstate, Function<String, EstateHours> hoursOfEstate) {
		this.zoneOfEstate = zoneOfEstate;
		this.hoursOfEstate = hoursOfEstate;
	}

	/** The instant of the time of day on the date ({@code 2026-12-01} and {@code 17:00}) in the instance's estate. */
	public Date at(DelegateExecution execution, Object date, String timeOfDay) {
		return at(zoneOfEstate.apply(execution.getTenantId()), date, timeOfDay);
	}

	/** When the service center of the instance's estate opens on the date: a visit given by its day only. */
	public Date atOpening(DelegateExecution execution, Object date) {
		return at(execution, date, opening(execution.getTenantId()).toString());
	}

	/** When the estate's service center opens ({@code 08:30}). */
	public LocalTime opening(String estateCode) {
		return hoursOfEstate.apply(estateCode).officeOpens();
	}

	/**
	 * The same in the company's zone: for the instances of the processes' versions from before each estate
	 * had its own zone, whose expressions name no execution (all estates were in the company's zone then).
	 */
	public Date at(Object date, String timeOfDay) {
		return at(zoneOfEstate.apply(null), date, timeOfDay);
	}

	private static Date at(ZoneId zone, Object date, String timeOfDay) {
		return Date.from(LocalDate.parse(date.toString()).atTime(LocalTime.parse(timeOfDay)).atZone(zone).toInstant());
	}

}
