package cn.tianxiacheng.servicecenter.system;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for everything: the Chinese login page for people, HTTP Basic for scripts, both
 * checked against Camunda's identity service. {@code /engine-rest} and {@code /api} answer 401
 * to anonymous callers; the auditor may read through {@code /api} but never write.
 * <p>
 * Cross-site requests: a browser's cross-site request that would change something is refused
 * outright, and the session cookie ({@code SameSite=Lax}) authenticates a change only with the
 * CSRF token of the app's pages (the webapps check their own token); scripts send HTTP Basic.
 * <p>
 * The owner channel ({@code /owner/**}) has a chain of its own, ahead of this one; a session signed in
 * there holds {@link StaffAuthorities#OWNER_CHANNEL} and is refused everywhere here.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	private static final PathPatternRequestMatcher.Builder PATH = PathPatternRequestMatcher.withDefaults();

	/**
	 * The app's pages load scripts, styles and images from the app only, post forms only to it
	 * and are framed by no other site. Their few inline scripts (charts) and style attributes
	 * need 'unsafe-inline'. The webapps under /camunda send Camunda's own policy.
	 */
	private static final String APP_PAGES_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	/** Signed in, and not through the owner channel: an owner's session is refused (403) here. */
	private static final AuthorizationManager<RequestAuthorizationContext> STAFF = AuthorizationManagers.allOf(
			AuthenticatedAuthorizationManager.authenticated(),
			AuthorizationManagers.not(AuthorityAuthorizationManager.hasAuthority(StaffAuthorities.OWNER_CHANNEL)));

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider identity,
			SessionRegistry sessions) throws Exception {
		RequestMatcher machineApis = new OrRequestMatcher(PATH.matcher("/api/**"), PATH.matcher("/engine-rest/**"),
				PATH.matcher("/camunda/api/**"));
		LoginAnswers answers = new LoginAnswers();

		// no parent manager: each password is checked (and throttled) once
		http.authenticationManager(new ProviderManager(identity))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(SecurityConfig::isCrossSiteChange)
				.denyAll()
				.requestMatchers(PATH.matcher("/login"), PATH.matcher("/css/**"), PATH.matcher("/favicon.ico"),
						PATH.matcher("/error"), PATH.matcher("/actuator/health/**"),
						PATH.matcher(HttpMethod.GET, "/public/**"))
				.permitAll()
				.requestMatchers(PATH.matcher(HttpMethod.GET, "/api/**"))
				.access(STAFF)
				.requestMatchers(PATH.matcher("/api/**"))
				.access(AuthorizationManagers.allOf(STAFF,
						AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(StaffGroup.AUDITOR.id()))))
				.anyRequest()
				.access(STAFF))
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler(answers)
				.authenticationDetailsSource(LoginDetails::new))
			.httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(answers)
				.authenticationDetailsSource(LoginDetails::new))
			// a password change ends the user's other sessions (PasswordGuard)
			.sessionManagement(session -> session.maximumSessions(-1)
				.sessionRegistry(sessions)
				.expiredSessionStrategy(answers))
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(answers, machineApis)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), PATH.matcher("/**")))
			.logout(logout -> logout
				.logoutRequestMatcher(new OrRequestMatcher(PATH.matcher(HttpMethod.POST, "/logout"),
						PATH.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/logout")))
				.logoutSuccessUrl("/login?logout"))
			// The webapps run their own CSRF protection. A script authenticates every call with HTTP Basic,
			// and a call to the APIs without a session has no cookie that a forged request could ride on.
			.csrf(csrf -> csrf.ignoringRequestMatchers(PATH.matcher("/camunda/**"), SecurityConfig::sendsBasic,
					request -> machineApis.matches(request) && request.getRequestedSessionId() == null))
			.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
						new NegatedRequestMatcher(PATH.matcher("/camunda/**")),
						new StaticHeadersWriter("Content-Security-Policy", APP_PAGES_POLICY))));
		return http.build();
	}

	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	/** Tells the session registry of ended sessions. */
	@Bean
	HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	/** What a browser marks as sent from another site's page, other than a read. */
	private static boolean isCrossSiteChange(HttpServletRequest request) {
		return "cross-site".equals(request.getHeader("Sec-Fetch-Site")) && !SAFE_METHODS.contains(request.getMethod());
	}

	private static boolean sendsBasic(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
	}

}
