package cn.tianxiacheng.servicecenter.system;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.springframework.modulith.NamedInterface;

/**
 * A day and a time of day in the estate's time zone, for the processes' timers and due dates:
 * {@code ${estateTime.at(dueOn, '17:00')}} is 17:00 in Shanghai whatever zone the server runs in
 * (a bare {@code 2026-12-01T17:00:00} would be read in the server's zone).
 */
@NamedInterface("setup")
public class EstateTime {

	private final ZoneId zone;

	public EstateTime(ZoneId zone) {
		this.zone = zone;
	}

	/** The instant of the time of day on the date ({@code 2026-12-01} and {@code 17:00}). */
	public Date at(Object date, String timeOfDay) {
		return Date.from(LocalDate.parse(date.toString()).atTime(LocalTime.parse(timeOfDay)).atZone(zone).toInstant());
	}

}
