package cn.tianxiacheng.servicecenter.owner;

import java.util.List;

import cn.tianxiacheng.servicecenter.estate.PhoneNumbers;
import cn.tianxiacheng.servicecenter.owner.LoginCodes.Verdict;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 业主登录: the number, then the code sent to it. The answer to a code request does not tell whether
 * the number is on file.
 */
@Controller
class OwnerLoginController {

	private static final String PAGE = "owner/login";

	private final LoginCodes codes;

	private final OwnerProperties properties;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	OwnerLoginController(LoginCodes codes, OwnerProperties properties) {
		this.codes = codes;
		this.properties = properties;
	}

	@GetMapping(OwnerSecurityConfig.LOGIN)
	String page() {
		return PAGE;
	}

	@PostMapping(OwnerSecurityConfig.LOGIN + "/code")
	String sendCode(@RequestParam(defaultValue = "") String phone, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String number = phone.strip();
		model.addAttribute("phone", number);
		if (!PhoneNumbers.isMobile(number)) {
			return refused(response, model, HttpStatus.BAD_REQUEST, "手机号：请输入 11 位手机号码。", false);
		}
		return switch (codes.request(number, request.getRemoteAddr())) {
			case SENT_IF_ON_FILE -> {
				model.addAttribute("codeAsked", true);
				model.addAttribute("notice",
						"如该号码已登记，验证码已发送，" + properties.codeValidity().toMinutes() + " 分钟内有效。");
				yield PAGE;
			}
			case NUMBER_LIMIT -> refused(response, model, HttpStatus.TOO_MANY_REQUESTS,
					"该号码获取验证码的次数已达上限（每小时 " + properties.codesPerNumber() + " 次），请稍后再试。", false);
			case ADDRESS_LIMIT -> refused(response, model, HttpStatus.TOO_MANY_REQUESTS, "获取验证码过于频繁，请稍后再试。", false);
			case NO_SENDER -> refused(response, model, HttpStatus.SERVICE_UNAVAILABLE,
					"短信验证码服务尚未开通，请到服务中心办理。", false);
		};
	}

	@PostMapping(OwnerSecurityConfig.LOGIN)
	String signIn(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		String number = phone.strip();
		String typed = code.strip();
		model.addAttribute("phone", number);
		if (!PhoneNumbers.isMobile(number)) {
			return refused(response, model, HttpStatus.BAD_REQUEST, "手机号：请输入 11 位手机号码。", false);
		}
		if (!typed.matches("\\d{6}")) {
			return refused(response, model, HttpStatus.BAD_REQUEST, "验证码：请输入短信中的 6 位数字。", true);
		}
		Verdict verdict = codes.verify(number, typed, request.getRemoteAddr());
		return switch (verdict.outcome()) {
			case SIGNED_IN -> {
				signIn(verdict, number, request, response);
				yield "redirect:/owner";
			}
			case WRONG -> refused(response, model, HttpStatus.BAD_REQUEST, verdict.triesLeft() > 0
					? "验证码：不正确，此验证码还可再试 " + verdict.triesLeft() + " 次。"
					: "验证码：不正确，此验证码已失效，请重新获取。", verdict.triesLeft() > 0);
			case DEAD -> refused(response, model, HttpStatus.BAD_REQUEST, "验证码：已失效或已使用，请重新获取。", false);
			case ADDRESS_LIMIT -> refused(response, model, HttpStatus.TOO_MANY_REQUESTS, "尝试次数过多，请稍后再试。", false);
		};
	}

	/** A new session id, so a session id planted before the sign-in is worth nothing after it. */
	private void signIn(Verdict verdict, String number, HttpServletRequest request, HttpServletResponse response) {
		List<OwnerUnit> units = verdict.units().stream().map(OwnerUnit::of).toList();
		OwnerPrincipal owner = new OwnerPrincipal(LoginCodes.phoneHash(number), units, units.get(0).unitId());
		request.getSession();
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(owner.authentication());
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

	private static String refused(HttpServletResponse response, Model model, HttpStatus status, String error,
			boolean codeAsked) {
		response.setStatus(status.value());
		model.addAttribute("error", error);
		model.addAttribute("codeAsked", codeAsked);
		return PAGE;
	}

}
