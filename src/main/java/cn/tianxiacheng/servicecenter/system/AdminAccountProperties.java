package cn.tianxiacheng.servicecenter.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator. In the {@code postgres} profile the password comes from
 * {@code SERVICECENTER_ADMIN_PASSWORD}; {@link AdminPasswordCheck} refuses to start without it.
 */
@ConfigurationProperties("servicecenter.admin")
record AdminAccountProperties(String username, String password) {
}
