package cn.tianxiacheng.servicecenter.system;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The estate a staff member works in now: the engine sees only its tenant, the app's pages only its
 * records. One who works in several switches here; the session then works in the other one, Tasklist
 * and Cockpit included.
 */
@Controller
class CurrentEstate {

	private static final Logger log = LoggerFactory.getLogger(CurrentEstate.class);

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	/** The engine tenant of the estate the user works in now; none for a user without an estate. */
	static List<String> tenantIds(Authentication authentication) {
		return authentication.getPrincipal() instanceof StaffPrincipal principal && principal.current() != null
				? List.of(principal.current().code()) : List.of();
	}

	/** Switches, then opens the home page or, named by {@code then}, another page of the app. */
	@PostMapping("/estate")
	String switchTo(@RequestParam("to") String code, @RequestParam(defaultValue = "/") String then,
			Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		if (!(authentication.getPrincipal() instanceof StaffPrincipal principal)) {
			throw new AccessDeniedException("您不在该项目工作");
		}
		EstateRef estate = principal.estates()
			.stream()
			.filter(e -> e.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new AccessDeniedException("您不在该项目工作"));
		UsernamePasswordAuthenticationToken switched = UsernamePasswordAuthenticationToken
			.authenticated(principal.switchedTo(estate), null, authentication.getAuthorities());
		switched.setDetails(authentication.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(switched);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		// the webapps keep their own sign-in, with the tenants of the estate before: they sign in again
		AuthenticationUtil.updateSession(request.getSession(), new Authentications());
		log.info("{} now works in estate {}", principal.userId(), estate.code());
		return "redirect:" + (then.matches("/[a-z-]*") ? then : "/");
	}

}
