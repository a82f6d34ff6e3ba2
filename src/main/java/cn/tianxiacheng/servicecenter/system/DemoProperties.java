package cn.tianxiacheng.servicecenter.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo data for a first run: the staff users (password {@code demo}) and the estate 天下城.
 * Without {@code passwordsAllowed} (the {@code postgres} profile) the application does not start
 * while any user still has the demo password.
 */
@ConfigurationProperties("servicecenter.demo")
public record DemoProperties(boolean users, boolean estate, boolean passwordsAllowed) {
}
