package cn.tianxiacheng.servicecenter.system;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The first administrator. In the {@code postgres} profile the password comes from
 * {@code SERVICECENTER_ADMIN_PASSWORD}; the application does not start without it.
 */
@Validated
@ConfigurationProperties("servicecenter.admin")
public record AdminAccountProperties(@NotBlank String username,
		@NotBlank(message = "must be set: export SERVICECENTER_ADMIN_PASSWORD before starting") String password) {
}
