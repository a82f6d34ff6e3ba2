package cn.tianxiacheng.servicecenter.owner;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 开发设置 · 业主登录验证码: the codes the embedded default sent, for {@code admin} only. */
@Controller
@ConditionalOnProperty(name = "servicecenter.owner.code-sender", havingValue = "log")
class DevCodesController {

	private final LoggedCodes codes;

	private final Clock clock;

	DevCodesController(LoggedCodes codes, Clock clock) {
		this.codes = codes;
		this.clock = clock;
	}

	@GetMapping(OwnerSecurityConfig.DEV_CODES)
	String codes(Model model) {
		model.addAttribute("codes", codes.recent());
		model.addAttribute("zone", clock.getZone());
		return "owner/dev-codes";
	}

}
