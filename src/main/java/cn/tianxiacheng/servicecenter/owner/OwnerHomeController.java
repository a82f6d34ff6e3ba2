package cn.tianxiacheng.servicecenter.owner;

import cn.tianxiacheng.servicecenter.casework.OwnerCases;
import cn.tianxiacheng.servicecenter.estate.PhonesOnFile.Role;
import cn.tianxiacheng.servicecenter.fee.Ledger;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * 业主首页 and 切换房屋: the unit the person looks at now, and the choice among their own units. An
 * owner sees the unit's open bills; a household member or tenant does not. Everyone on file sees the
 * unit's repairs and complaints.
 */
@Controller
class OwnerHomeController {

	private final Ledger ledger;

	private final OwnerCases cases;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	OwnerHomeController(Ledger ledger, OwnerCases cases) {
		this.ledger = ledger;
		this.cases = cases;
	}

	@GetMapping("/owner")
	String home(@AuthenticationPrincipal OwnerPrincipal owner, Model model) {
		OwnerUnit unit = owner.current();
		model.addAttribute("unit", unit);
		model.addAttribute("unitCount", owner.units().size());
		model.addAttribute("cases", cases.ofUnit(unit.unitId()));
		if (unit.role() == Role.OWNER) {
			Ledger.Account account = ledger.account(unit.unitId(), unit.unitNumber());
			model.addAttribute("outstanding", account.outstanding());
			model.addAttribute("prepaid", account.prepaid());
			model.addAttribute("openBills",
					account.bills().stream().filter(bill -> bill.outstanding().signum() > 0).count());
		}
		return "owner/home";
	}

	@GetMapping("/owner/units")
	String units(@AuthenticationPrincipal OwnerPrincipal owner, Model model) {
		model.addAttribute("units", owner.units());
		model.addAttribute("current", owner.currentUnitId());
		return "owner/units";
	}

	@PostMapping("/owner/units")
	String switchUnit(@AuthenticationPrincipal OwnerPrincipal owner, @RequestParam long unitId,
			HttpServletRequest request, HttpServletResponse response) {
		OwnerPrincipal switched = owner.switchedTo(unitId)
			.orElseThrow(() -> new AccessDeniedException("该房屋不在您的名下"));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(switched.authentication());
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		return "redirect:/owner";
	}

}
