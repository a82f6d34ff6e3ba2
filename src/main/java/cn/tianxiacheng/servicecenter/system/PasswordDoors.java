package cn.tianxiacheng.servicecenter.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The request a password check came through, for {@link LoginThrottle} and the log: its client
 * (the peer, or the address a trusted proxy forwarded: {@code server.tomcat.remoteip.internal-proxies})
 * and its door ({@code POST /login}, {@code GET /api/units}…).
 */
final class PasswordDoors {

	private PasswordDoors() {
	}

	static String client() {
		HttpServletRequest request = request();
		return request == null ? "engine" : request.getRemoteAddr();
	}

	static String current() {
		HttpServletRequest request = request();
		return request == null ? "engine" : request.getMethod() + " " + request.getRequestURI();
	}

	/** A password change asks for the current password: {@code PUT …/user/{id}/credentials}. */
	static boolean isPasswordChange() {
		HttpServletRequest request = request();
		return request != null && "PUT".equals(request.getMethod()) && request.getRequestURI().endsWith("/credentials");
	}

	static HttpServletRequest request() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

}
