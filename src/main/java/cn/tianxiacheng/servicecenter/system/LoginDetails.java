package cn.tianxiacheng.servicecenter.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The client and the door of a login ({@code POST /login}, {@code GET /api/units} with HTTP Basic), for the log. */
class LoginDetails extends WebAuthenticationDetails {

	private final String door;

	LoginDetails(HttpServletRequest request) {
		super(request);
		this.door = request.getMethod() + " " + request.getRequestURI();
	}

	String door() {
		return door;
	}

}
