package cn.tianxiacheng.servicecenter.system;

import java.util.Arrays;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		Set<String> groups = StaffAuthorities.groupIds(authentication);
		model.addAttribute("groups", Arrays.stream(StaffGroup.values())
			.filter(group -> groups.contains(group.id()))
			.map(StaffGroup::label)
			.toList());
		model.addAttribute("seesCockpit", groups.contains(StaffGroup.MANAGER.id())
				|| groups.contains(StaffGroup.DIRECTOR.id()) || groups.contains(StaffGroup.AUDITOR.id())
				|| groups.contains(StaffGroup.ADMIN.id()));
		model.addAttribute("seesAdmin", groups.contains(StaffGroup.ADMIN.id()));
		return "home";
	}

}
