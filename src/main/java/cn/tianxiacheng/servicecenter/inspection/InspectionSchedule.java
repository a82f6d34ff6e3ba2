package cn.tianxiacheng.servicecenter.inspection;

import java.time.LocalTime;

import org.springframework.stereotype.Component;

/**
 * When rounds run: the morning and afternoon rounds' start and end times of day in the estate's
 * zone ({@code servicecenter.inspection.morning}, {@code afternoon}, as {@code 08:00-11:30}), and how
 * often the schedule opens the coming rounds ({@code ${inspectionSchedule.cron}}).
 */
@Component("inspectionSchedule")
public class InspectionSchedule {

	record Hours(LocalTime start, LocalTime end) {

		static Hours parse(String hours) {
			String[] ends = hours.split("-");
			Hours parsed = new Hours(LocalTime.parse(ends[0].strip()), LocalTime.parse(ends[1].strip()));
			if (!parsed.end().isAfter(parsed.start())) {
				throw new IllegalArgumentException("巡查时间应为 开始-结束，如 08:00-11:30：" + hours);
			}
			return parsed;
		}

	}

	private final Hours morning;

	private final Hours afternoon;

	private final String cron;

	InspectionSchedule(InspectionProperties properties) {
		this.morning = Hours.parse(properties.morning());
		this.afternoon = Hours.parse(properties.afternoon());
		this.cron = properties.scheduleCron();
	}

	Hours hours(Shift shift) {
		return shift == Shift.MORNING ? morning : afternoon;
	}

	/** Camunda cron of the schedule's timer. */
	public String getCron() {
		return cron;
	}

}
