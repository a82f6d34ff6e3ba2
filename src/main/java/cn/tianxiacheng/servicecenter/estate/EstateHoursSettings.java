package cn.tianxiacheng.servicecenter.estate;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An estate's own clock, set by the administrator: its time zone (its dates, timers and times of day),
 * the service center's office hours and the hours decoration work is allowed.
 */
@Service
class EstateHoursSettings {

	private static final Logger log = LoggerFactory.getLogger(EstateHoursSettings.class);

	private static final Pattern RANGE = Pattern.compile("(\\d{1,2}:\\d{2})\\s*[-–—~～至]\\s*(\\d{1,2}:\\d{2})");

	private final EstateRepository estates;

	private final KnownEstates known;

	EstateHoursSettings(EstateRepository estates, KnownEstates known) {
		this.estates = estates;
		this.known = known;
	}

	@Transactional
	void set(String code, EstateHoursForm form, Staff admin) {
		admin.require("只有系统管理员可以设置小区的时区和营业时间", StaffGroup.ADMIN);
		if (!EstateZoneChoices.offers(form.timeZone())) {
			throw new BadInputException("时区：请从列表中选择");
		}
		String office = ranges("服务中心办公时间", form.officeHours());
		String works = ranges("装修施工时间", form.worksHours());
		Estate estate = estates.findByCode(code)
			.orElseThrow(() -> new NotFoundException("没有代码为 " + code + " 的小区"));
		estate.setZoneAndHours(ZoneId.of(form.timeZone()), office, works);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				known.forgetZone(code);
			}

		});
		log.info("{} set the clock of estate {}: {}, office {}, works {}", admin.id(), code, form.timeZone(), office,
				works);
	}

	/**
	 * The ranges as stored ({@code 08:00-12:00、14:00-18:00}) from what was typed: separated by 、 , ， or
	 * spaces, each from start to a later end, the next starting after the one before ends.
	 */
	static String ranges(String field, String typed) {
		String[] parts = typed.strip().split("\\s*[、,，;；]\\s*");
		List<String> ranges = new ArrayList<>();
		LocalTime lastEnd = null;
		for (String part : parts) {
			Matcher range = RANGE.matcher(part);
			if (!range.matches()) {
				throw new BadInputException(field + "：“" + part + "”应写成 开始-结束，如 08:30-17:30，多段用顿号隔开");
			}
			LocalTime start = time(field, range.group(1));
			LocalTime end = time(field, range.group(2));
			if (!end.isAfter(start)) {
				throw new BadInputException(field + "：“" + part + "”的结束时间应晚于开始时间");
			}
			if (lastEnd != null && start.isBefore(lastEnd)) {
				throw new BadInputException(field + "：各段应按时间先后排列，且不能重叠");
			}
			lastEnd = end;
			ranges.add(start + "-" + end);
		}
		return String.join("、", ranges);
	}

	private static LocalTime time(String field, String text) {
		try {
			return LocalTime.parse(text.length() == 4 ? "0" + text : text);
		}
		catch (DateTimeParseException ex) {
			throw new BadInputException(field + "：“" + text + "”不是一天中的时间");
		}
	}

}
