package cn.tianxiacheng.servicecenter.system;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Filters that run after Spring Security and hand its user to Camunda: to the webapps (single
 * sign-on) and to the engine for every other request ({@code /engine-rest}, {@code /api}, the
 * app's pages); the one that words the engine's REST errors; the one that closes the webapps'
 * own login ({@link WebappLoginRefusal}); the webapps' CSRF check that keeps the session; the
 * limit on request bodies; and the refusal of an upload's unreadable file name.
 */
@Configuration(proxyBeanMethods = false)
class CamundaWebConfig {

	private static final int AFTER_SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOn() {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ContainerBasedAuthenticationFilter());
		registration.setInitParameters(Map.of("authentication-provider", WebappAuthenticationProvider.class.getName()));
		registration.addUrlPatterns("/camunda/*");
		registration.setOrder(AFTER_SPRING_SECURITY);
		return registration;
	}

	@Bean
	FilterRegistrationBean<EngineErrorResponses> engineErrorResponses(RefusalLog refusals) {
		FilterRegistrationBean<EngineErrorResponses> registration = new FilterRegistrationBean<>(
				new EngineErrorResponses(refusals));
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
		registration.setOrder(AFTER_SPRING_SECURITY);
		return registration;
	}

	@Bean
	FilterRegistrationBean<WebappLoginRefusal> webappLoginRefusal(LoginThrottle throttle, FailedLoginLogger logger) {
		FilterRegistrationBean<WebappLoginRefusal> registration = new FilterRegistrationBean<>(
				new WebappLoginRefusal(throttle, logger));
		registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
		registration.setOrder(AFTER_SPRING_SECURITY);
		return registration;
	}

	@Bean
	FilterRegistrationBean<WebappCsrf> webappCsrf() {
		FilterRegistrationBean<WebappCsrf> registration = new FilterRegistrationBean<>(new WebappCsrf());
		registration.addUrlPatterns("/camunda/api/*");
		registration.setOrder(AFTER_SPRING_SECURITY);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(RequestLimitProperties limits) {
		FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(
				new RequestBodyLimit(limits.maxBody()));
		registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<UploadFileNames> uploadFileNames() {
		FilterRegistrationBean<UploadFileNames> registration = new FilterRegistrationBean<>(new UploadFileNames());
		registration.addUrlPatterns("/*");
		// after the request's character encoding is set (UTF-8), before Spring Security reads the form
		registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<CamundaUserFilter> camundaUserFilter(IdentityService identityService, RefusalLog refusals,
			ObjectMapper json) {
		FilterRegistrationBean<CamundaUserFilter> registration = new FilterRegistrationBean<>(
				new CamundaUserFilter(identityService, refusals, json));
		registration.addUrlPatterns("/*");
		registration.setOrder(AFTER_SPRING_SECURITY);
		return registration;
	}

}
