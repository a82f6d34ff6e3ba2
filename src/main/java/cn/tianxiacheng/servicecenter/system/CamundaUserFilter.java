package cn.tianxiacheng.servicecenter.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who is calling, in which estate's tenant, for the length of one request, so Camunda's
 * authorizations and tenant check apply to {@code /engine-rest} and to the engine calls {@code /api} and the app's pages make
 * for the user. The webapps under {@code /camunda} authenticate to the engine by themselves. A caller without a
 * session (HTTP Basic) who works in several estates names the one of the request in {@value #ESTATE_HEADER}
 * (its code); one it does not work in is refused. An owner's session has no identity in the engine.
 */
class CamundaUserFilter extends OncePerRequestFilter {

	static final String ESTATE_HEADER = "X-Estate";

	private final IdentityService identityService;

	private final RefusalLog refusals;

	private final ObjectMapper json;

	CamundaUserFilter(IdentityService identityService, RefusalLog refusals, ObjectMapper json) {
		this.identityService = identityService;
		this.refusals = refusals;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (request.getRequestURI().startsWith(request.getContextPath() + "/camunda/") || authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken || StaffAuthorities.isOwnerChannel(authentication)) {
			chain.doFilter(request, response);
			return;
		}
		String named = request.getHeader(ESTATE_HEADER);
		SecurityContext before = SecurityContextHolder.getContext();
		if (named != null) {
			Optional<Authentication> there = in(authentication, named);
			if (there.isEmpty()) {
				refuse(request, response, authentication.getName(), named);
				return;
			}
			authentication = there.get();
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(authentication);
			SecurityContextHolder.setContext(context);
		}
		identityService.setAuthentication(authentication.getName(),
				List.copyOf(StaffAuthorities.groupIds(authentication)), CurrentEstate.tenantIds(authentication));
		try {
			chain.doFilter(request, response);
		}
		finally {
			identityService.clearAuthentication();
			SecurityContextHolder.setContext(before);
		}
	}

	/** The caller working in the estate of the code, for this request; none if they do not work there. */
	private static Optional<Authentication> in(Authentication authentication, String code) {
		if (!(authentication.getPrincipal() instanceof StaffPrincipal principal)) {
			return Optional.empty();
		}
		return principal.estates().stream().filter(estate -> estate.code().equals(code)).findFirst().map(estate -> {
			UsernamePasswordAuthenticationToken there = UsernamePasswordAuthenticationToken
				.authenticated(principal.switchedTo(estate), null, authentication.getAuthorities());
			there.setDetails(authentication.getDetails());
			return there;
		});
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String user, String code)
			throws IOException {
		refusals.refused(request, user, ESTATE_HEADER + " " + code, "not an estate of the caller");
		String message = "您不在项目“" + code + "”工作";
		boolean problem = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType(problem ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(json.writeValueAsBytes(problem
				? Map.of("title", "无权访问", "status", HttpServletResponse.SC_FORBIDDEN, "detail", message)
				: Map.of("type", "AuthorizationException", "message", message)));
	}

}
