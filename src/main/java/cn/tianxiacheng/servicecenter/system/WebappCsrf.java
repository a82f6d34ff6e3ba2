package cn.tianxiacheng.servicecenter.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' CSRF check, made before Camunda's own: Camunda's filter ends the session when a
 * change comes without the token ({@code X-XSRF-TOKEN}), so one forged or faulty call would log
 * the user out of everything. Here such a call is refused (403) and the session lives on; a call
 * with the right token passes to Camunda's filter, which then finds it valid.
 */
class WebappCsrf extends OncePerRequestFilter {

	/** Camunda's names (its {@code CsrfConstants}). */
	static final String TOKEN_HEADER = "X-XSRF-TOKEN";

	private static final String TOKEN_IN_SESSION = "CAMUNDA_CSRF_TOKEN";

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (READS.contains(request.getMethod()) || hasToken(request)) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setHeader(TOKEN_HEADER, "Required");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("{\"type\":\"Forbidden\",\"message\":\"页面已过期或请求缺少安全令牌，请刷新页面后重试\"}");
	}

	private static boolean hasToken(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object expected = session == null ? null : session.getAttribute(TOKEN_IN_SESSION);
		String sent = request.getHeader(TOKEN_HEADER);
		return expected instanceof String token && sent != null && MessageDigest
			.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
	}

}
