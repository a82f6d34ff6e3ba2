package cn.tianxiacheng.servicecenter.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the webapps' own login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}):
 * staff sign in on the app's login page, and the webapps take that user (single sign-on), so
 * they never post it. Left open it would check any user's password for anyone logged in. Each
 * attempt is refused unchecked, and counted and logged as a failed login of the user it named.
 */
class WebappLoginRefusal extends OncePerRequestFilter {

	private static final String LOGIN = "/camunda/api/admin/auth/user/[^/]+/login(/.*)?";

	private static final String REFUSAL = "{\"type\":\"Forbidden\",\"message\":\"请在系统登录页登录，任务列表、流程监控和系统管理随之登录\"}";

	private final LoginThrottle throttle;

	private final FailedLoginLogger logger;

	WebappLoginRefusal(LoginThrottle throttle, FailedLoginLogger logger) {
		this.throttle = throttle;
		this.logger = logger;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().substring(request.getContextPath().length()).matches(LOGIN);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String userId = String.valueOf(request.getParameter("username"));
		String client = request.getRemoteAddr();
		throttle.failed(userId, client);
		logger.refused(userId, client, request.getMethod() + " " + request.getRequestURI(),
				"the webapps' own login is closed");
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(REFUSAL);
	}

}
