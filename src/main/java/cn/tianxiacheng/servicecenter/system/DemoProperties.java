package cn.tianxiacheng.servicecenter.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.modulith.NamedInterface;

/**
 * Demo data for a first run: the staff users (password {@code demo}), the estate 天下城 and, with
 * {@code history}, its last 90 days made once in the background ({@link DemoHistory}).
 * Without {@code passwordsAllowed} (the {@code postgres} profile) the application does not start
 * while any user still has the demo password.
 */
@ConfigurationProperties("servicecenter.demo")
@NamedInterface("setup")
public record DemoProperties(boolean users, boolean estate, boolean passwordsAllowed, boolean history) {
}
