package cn.tianxiacheng.servicecenter.system;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who is calling, in which estate's tenant, for the length of one request, so Camunda's
 * authorizations and tenant check apply to {@code /engine-rest} and to the engine calls {@code /api} and the app's pages make
 * for the user. The webapps under {@code /camunda} authenticate to the engine by themselves.
 */
class CamundaUserFilter extends OncePerRequestFilter {

	private final IdentityService identityService;

	CamundaUserFilter(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (request.getRequestURI().startsWith(request.getContextPath() + "/camunda/") || authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		identityService.setAuthentication(authentication.getName(),
				List.copyOf(StaffAuthorities.groupIds(authentication)), CurrentEstate.tenantIds(authentication));
		try {
			chain.doFilter(request, response);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

}
