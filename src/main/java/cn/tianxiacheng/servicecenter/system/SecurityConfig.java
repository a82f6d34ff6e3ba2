package cn.tianxiacheng.servicecenter.system;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for everything: the Chinese login page for people, HTTP Basic for scripts, both
 * checked against Camunda's identity service. {@code /engine-rest} and {@code /api} answer 401
 * to anonymous callers; the auditor may read through {@code /api} but never write.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	private static final PathPatternRequestMatcher.Builder PATH = PathPatternRequestMatcher.withDefaults();

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider identity)
			throws Exception {
		RequestMatcher machineApis = new OrRequestMatcher(PATH.matcher("/api/**"), PATH.matcher("/engine-rest/**"),
				PATH.matcher("/camunda/api/**"));
		BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
		basic.setRealmName("tianxiacheng");

		http.authenticationProvider(identity)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(PATH.matcher("/login"), PATH.matcher("/css/**"), PATH.matcher("/favicon.ico"),
						PATH.matcher("/error"), PATH.matcher("/actuator/health/**"),
						PATH.matcher(HttpMethod.GET, "/public/**"))
				.permitAll()
				.requestMatchers(PATH.matcher(HttpMethod.GET, "/api/**"))
				.authenticated()
				.requestMatchers(PATH.matcher("/api/**"))
				.access(AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
						AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(StaffGroup.AUDITOR.id()))))
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
			.httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(basic))
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(basic, machineApis)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), PATH.matcher("/**")))
			.logout(logout -> logout
				.logoutRequestMatcher(new OrRequestMatcher(PATH.matcher(HttpMethod.POST, "/logout"),
						PATH.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/logout")))
				.logoutSuccessUrl("/login?logout"))
			// The webapps run their own CSRF protection; /api and /engine-rest are called by scripts.
			.csrf(csrf -> csrf.ignoringRequestMatchers(PATH.matcher("/camunda/**"), PATH.matcher("/engine-rest/**"),
					PATH.matcher("/api/**")))
			.headers(withDefaults());
		return http.build();
	}

}
