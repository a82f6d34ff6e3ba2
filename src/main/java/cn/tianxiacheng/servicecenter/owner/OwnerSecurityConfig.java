package cn.tianxiacheng.servicecenter.owner;

import cn.tianxiacheng.servicecenter.system.StaffAuthorities;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The owner channel's own chain, ahead of the staff chain: {@code /owner/**} only, its own sign-in
 * page, the session and CSRF token of the app's pages. A staff session here is not an owner (403),
 * except on the development page of codes, which is {@code admin}'s.
 */
@Configuration(proxyBeanMethods = false)
class OwnerSecurityConfig {

	static final String LOGIN = "/owner/login";

	static final String DEV_CODES = "/owner/dev-codes";

	/** The owner pages run no script at all. */
	private static final String POLICY = "default-src 'self'; script-src 'none'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

	@Bean
	@Order(1)
	SecurityFilterChain ownerChannel(HttpSecurity http) throws Exception {
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher(path.matcher("/owner/**"))
			.authorizeHttpRequests(requests -> requests.requestMatchers(path.matcher(LOGIN), path.matcher(LOGIN + "/**"))
				.permitAll()
				.requestMatchers(path.matcher(DEV_CODES))
				.hasRole(StaffGroup.ADMIN.id())
				.anyRequest()
				.hasAuthority(StaffAuthorities.OWNER_CHANNEL))
			.exceptionHandling(exceptions -> exceptions
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), path.matcher(DEV_CODES))
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN), path.matcher("/owner/**")))
			.logout(logout -> logout.logoutRequestMatcher(path.matcher(HttpMethod.POST, "/owner/logout"))
				.logoutSuccessUrl(LOGIN + "?logout"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

}
