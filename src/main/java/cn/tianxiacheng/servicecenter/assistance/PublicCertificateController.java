package cn.tianxiacheng.servicecenter.assistance;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 证明查验, without a login: anyone (a school, a police station) checks a certificate with its
 * number and verification code, and sees only its kind, unit, dates and whether it is still
 * valid: no personal data. A wrong number and a wrong code answer alike.
 */
@Controller
class PublicCertificateController {

	private final Certificates certificates;

	PublicCertificateController(Certificates certificates) {
		this.certificates = certificates;
	}

	@GetMapping("/public/certificates")
	String check(@RequestParam(required = false) String number, @RequestParam(required = false) String code,
			Model model) {
		if (number != null && code != null && number.length() <= 30 && code.length() <= 30) {
			model.addAttribute("checked", true);
			model.addAttribute("check", certificates.check(number, code).orElse(null));
		}
		model.addAttribute("number", number);
		return "public/certificate-check";
	}

}
