package cn.tianxiacheng.servicecenter.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The estate's clock: dates (billing periods, due dates) are in the estate's time zone.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

	@Bean
	EstateClock clock(EstateZoneProperties properties) {
		return new EstateClock(properties.zone());
	}

	/** {@code ${estateTime.at(dueOn, '17:00')}} in the processes. */
	@Bean
	EstateTime estateTime(EstateZoneProperties properties) {
		return new EstateTime(properties.zone());
	}

}
