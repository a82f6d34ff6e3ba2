package cn.tianxiacheng.servicecenter.system;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Refuses to start without an administrator password, before anything touches the database:
 * in the {@code postgres} profile it must come from {@code SERVICECENTER_ADMIN_PASSWORD}.
 * Registered in {@code META-INF/spring.factories}; runs after the configuration files are read.
 */
public class AdminPasswordCheck implements EnvironmentPostProcessor {

	static final String PROPERTY = "servicecenter.admin.password";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!StringUtils.hasText(environment.getProperty(PROPERTY))) {
			throw new IllegalStateException("No administrator password: set the environment variable "
					+ "SERVICECENTER_ADMIN_PASSWORD (property " + PROPERTY + ") before starting");
		}
	}

}
