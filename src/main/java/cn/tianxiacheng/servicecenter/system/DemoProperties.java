package cn.tianxiacheng.servicecenter.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo data for a first run: the staff users (password {@code demo}) and the estate 天下城.
 */
@ConfigurationProperties("servicecenter.demo")
public record DemoProperties(boolean users, boolean estate) {
}
