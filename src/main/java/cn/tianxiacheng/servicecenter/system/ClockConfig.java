package cn.tianxiacheng.servicecenter.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The estate's clock: dates (billing periods, due dates) are in the time zone of the estate they are for.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

	@Bean
	EstateZones estateZones(EstateZoneProperties properties, ObjectProvider<EstateDirectory> estates) {
		return new EstateZones(properties.zone(), estates);
	}

	@Bean
	EstateClock clock(EstateZones zones) {
		return new EstateClock(zones);
	}

	/** {@code ${estateTime.at(execution, dueOn, '17:00')}} in the processes. */
	@Bean
	EstateTime estateTime(EstateZones zones, ObjectProvider<EstateDirectory> estates) {
		return new EstateTime(zones::of, code -> code == null ? EstateHours.DEFAULT
				: estates.getObject().hours(code).orElse(EstateHours.DEFAULT));
	}

}
