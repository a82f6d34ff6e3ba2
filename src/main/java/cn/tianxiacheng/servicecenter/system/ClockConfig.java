package cn.tianxiacheng.servicecenter.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The estate's clock: dates (billing periods, due dates) are in the estate's time zone.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

	@Bean
	Clock clock(EstateZoneProperties properties) {
		return Clock.system(properties.zone());
	}

	/** {@code ${estateTime.at(dueOn, '17:00')}} in the processes. */
	@Bean
	EstateTime estateTime(EstateZoneProperties properties) {
		return new EstateTime(properties.zone());
	}

}
