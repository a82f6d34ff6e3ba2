package cn.tianxiacheng.servicecenter.system;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The estate's clock: dates (billing periods, due dates) are in the estate's time zone.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

	@Bean
	EstateClock clock(@Value("${servicecenter.zone}") ZoneId zone) {
		return new EstateClock(zone);
	}

}
