package cn.tianxiacheng.servicecenter.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.session.SessionInformationExpiredEvent;
import org.springframework.security.web.session.SessionInformationExpiredStrategy;

/**
 * What a caller is told when a login does not succeed, in Chinese: a script (HTTP Basic) gets 401
 * ("用户名或密码错误", "请先登录") or, while the throttle holds it, 429 with {@code Retry-After} and
 * how long to wait; a person is sent back to the login page, which says the same; a session
 * ended by a password change is sent there too. On {@code /api} the body is an RFC 9457 problem,
 * on the engine's APIs the engine's {@code {type, message}}.
 */
class LoginAnswers implements AuthenticationEntryPoint, AuthenticationFailureHandler, SessionInformationExpiredStrategy {

	private static final String REALM = "Basic realm=\"tianxiacheng\"";

	private final ObjectMapper json = new ObjectMapper();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		if (failure instanceof LoginDelayedException delayed) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(delayed.seconds()));
			write(request, response, 429, "TooManyRequests", delayed.getMessage());
			return;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
		write(request, response, 401, "Unauthorized",
				failure instanceof BadCredentialsException ? "用户名或密码错误" : "请先登录");
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		response.sendRedirect(request.getContextPath()
				+ (failure instanceof LoginDelayedException delayed ? "/login?wait=" + delayed.seconds() : "/login?error"));
	}

	@Override
	public void onExpiredSessionDetected(SessionInformationExpiredEvent event) throws IOException {
		HttpServletRequest request = event.getRequest();
		HttpServletResponse response = event.getResponse();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/")) {
			write(request, response, 401, "Unauthorized", "密码已修改，请重新登录");
		}
		else {
			response.sendRedirect(request.getContextPath() + "/login?expired");
		}
	}

	private void write(HttpServletRequest request, HttpServletResponse response, int status, String type,
			String message) throws IOException {
		boolean problem = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		response.setStatus(status);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType(problem ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.APPLICATION_JSON_VALUE);
		Map<String, Object> body = problem ? Map.of("title", status == 429 ? "请稍后再试" : "未登录", "status", status,
				"detail", message) : Map.of("type", type, "message", message);
		response.getOutputStream().write(json.writeValueAsBytes(body));
	}

}
