package cn.tianxiacheng.servicecenter.system;

import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page where it is, so the top bar marks the current group, and in which estate the staff
 * member works, with the others they may switch to.
 */
@ControllerAdvice(annotations = Controller.class)
class CurrentPage {

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	@ModelAttribute("currentEstate")
	EstateRef currentEstate(Principal user) {
		return user instanceof Authentication authentication
				&& authentication.getPrincipal() instanceof StaffPrincipal principal ? principal.current() : null;
	}

	@ModelAttribute("otherEstates")
	List<EstateRef> otherEstates(Principal user) {
		return user instanceof Authentication authentication
				&& authentication.getPrincipal() instanceof StaffPrincipal principal
						? principal.estates().stream().filter(e -> !e.equals(principal.current())).toList() : List.of();
	}

}
