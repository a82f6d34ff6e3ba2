package cn.tianxiacheng.servicecenter.system;

import java.time.LocalTime;

import org.springframework.modulith.NamedInterface;

/**
 * An estate's business hours, each as ranges {@code HH:mm-HH:mm} separated by 、: the service center's
 * office hours (服务中心办公时间, {@code 08:30-17:30}) and the hours decoration work is allowed
 * (装修施工时间, {@code 08:00-12:00、14:00-18:00}).
 */
@NamedInterface("security")
public record EstateHours(String office, String works) {

	/** The hours of an estate that has set none. */
	public static final EstateHours DEFAULT = new EstateHours("08:30-17:30", "08:00-12:00、14:00-18:00");

	/** When the service center opens: the time of a visit given by its day only. */
	public LocalTime officeOpens() {
		return LocalTime.parse(office.substring(0, 5));
	}

	/** 8:00–12:00，14:00–18:00, as a permit and an agreement write them. */
	public static String shown(String hours) {
		return hours.replaceAll("\\b0(\\d:)", "$1").replace("-", "–").replace("、", "，");
	}

}
