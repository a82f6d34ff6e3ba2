package cn.tianxiacheng.servicecenter.parking;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.estate.ParkingSpaceStatus;
import cn.tianxiacheng.servicecenter.estate.PersonalDataPolicy;
import cn.tianxiacheng.servicecenter.fee.ParkingRent.RentRefund;
import cn.tianxiacheng.servicecenter.fee.PaymentMethod;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.Lease;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.LesseeKind;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.PaymentPlan;
import cn.tianxiacheng.servicecenter.parking.LeaseApplications.Registered;
import cn.tianxiacheng.servicecenter.system.RefusedInputShownOn;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 车位租赁 pages: spaces by status with their lessee, leases ending within 30 days, the waiting
 * list, the application form, and a lease with renewal, plate change, transfer and termination.
 */
@Controller
class ParkingPageController {

	private static final int ENDING_WITHIN_DAYS = 30;

	private final LeaseApplications applications;

	private final LeaseChanges changes;

	private final ParkingLeases leases;

	private final ParkingViews views;

	private final ParkingWaitlist waitlist;

	private final PersonalDataPolicy privacy;

	private final Clock clock;

	ParkingPageController(LeaseApplications applications, LeaseChanges changes, ParkingLeases leases,
			ParkingViews views, ParkingWaitlist waitlist, PersonalDataPolicy privacy, Clock clock) {
		this.applications = applications;
		this.changes = changes;
		this.leases = leases;
		this.views = views;
		this.waitlist = waitlist;
		this.privacy = privacy;
		this.clock = clock;
	}

	@GetMapping("/parking")
	String spaces(@RequestParam(required = false) ParkingSpaceStatus status, Authentication viewer, Model model) {
		model.addAttribute("status", status);
		model.addAttribute("statuses", ParkingSpaceStatus.values());
		model.addAttribute("spaces", views.spaces(Staff.of(viewer).estateId(), status));
		model.addAttribute("ending", views.endingWithin(ENDING_WITHIN_DAYS, Staff.of(viewer)));
		model.addAttribute("days", ENDING_WITHIN_DAYS);
		model.addAttribute("works", works(viewer));
		return "parking/spaces";
	}

	@GetMapping("/parking/waitlist")
	String waitlist(Authentication viewer, Model model) {
		model.addAttribute("entries", waitlist.list(Staff.of(viewer).estateId(), privacy.forList(Staff.of(viewer))));
		model.addAttribute("works", works(viewer));
		model.addAttribute("zone", clock.getZone());
		return "parking/waitlist";
	}

	@PostMapping("/parking/waitlist/{entryId}/withdrawal")
	@RefusedInputShownOn("/parking/waitlist")
	String withdraw(@PathVariable long entryId, @RequestParam String reason, Authentication staff, Model model) {
		leases.withdrawFromWaitlist(entryId, reason, Staff.of(staff));
		model.addAttribute("notice", "已撤回候补。");
		return waitlist(staff, model);
	}

	@PostMapping("/parking/waitlist")
	@RefusedInputShownOn("/parking/waitlist")
	String join(@Valid @ModelAttribute WaitlistForm form, Authentication staff, Model model) {
		waitlist.add(form.unitNumber(), form.lesseeIsOwner(), form.applicantName(), form.applicantPhone(), Staff.of(staff));
		model.addAttribute("notice", "已登记候补。");
		return waitlist(staff, model);
	}

	@GetMapping("/parking/leases/new")
	String form(@RequestParam(required = false) String space, Model model) {
		model.addAttribute("requestId", UUID.randomUUID().toString());
		model.addAttribute("space", space);
		model.addAttribute("kinds", LesseeKind.values());
		model.addAttribute("plans", PaymentPlan.values());
		model.addAttribute("today", LocalDate.now(clock));
		return "parking/new";
	}

	@PostMapping("/parking/leases")
	@RefusedInputShownOn("/parking/leases/new")
	String apply(@Valid @ModelAttribute LeaseForm form, Authentication staff) {
		Registered registered = applications.apply(form.toApplication(), Staff.of(staff));
		return "redirect:/parking/leases/" + registered.leaseNumber();
	}

	@GetMapping("/parking/leases/{leaseNumber}")
	String show(@PathVariable String leaseNumber, Authentication viewer, Model model) {
		model.addAttribute("lease", views.of(leaseNumber, Staff.of(viewer)));
		model.addAttribute("works", works(viewer));
		model.addAttribute("methods", PaymentMethod.values());
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("zone", clock.getZone());
		return "parking/details";
	}

	@PostMapping("/parking/leases/{leaseNumber}/renewals")
	@RefusedInputShownOn("/parking/leases/{leaseNumber}")
	String renew(@PathVariable String leaseNumber, @RequestParam Integer months, Authentication staff, Model model) {
		Lease renewed = changes.renew(leaseNumber, months, Staff.of(staff));
		if (renewed.paymentPlan() == PaymentPlan.PREPAID) {
			model.addAttribute("rentToCollect", renewed.monthlyRent().multiply(BigDecimal.valueOf(months)));
		}
		model.addAttribute("notice", "已续租 " + months + " 个月。");
		return show(leaseNumber, staff, model);
	}

	@PostMapping("/parking/leases/{leaseNumber}/termination")
	@RefusedInputShownOn("/parking/leases/{leaseNumber}")
	String terminate(@PathVariable String leaseNumber, @RequestParam LocalDate lastDay, @RequestParam String reason,
			@RequestParam PaymentMethod method, Authentication staff, Model model) {
		RentRefund refund = changes.terminate(leaseNumber, lastDay, reason, method, Staff.of(staff));
		model.addAttribute("notice",
				"已退租：已用部分 " + refund.usedPart() + " 元，退还 " + refund.refunded() + " 元（" + method.label() + "）。");
		return show(leaseNumber, staff, model);
	}

	@PostMapping("/parking/leases/{leaseNumber}/plates")
	@RefusedInputShownOn("/parking/leases/{leaseNumber}")
	String changePlates(@PathVariable String leaseNumber, @RequestParam String plates, Authentication staff,
			Model model) {
		changes.changePlates(leaseNumber, LeaseForm.plates(plates), Staff.of(staff));
		model.addAttribute("notice", "车牌已变更。");
		return show(leaseNumber, staff, model);
	}

	@PostMapping("/parking/leases/{leaseNumber}/transfer")
	@RefusedInputShownOn("/parking/leases/{leaseNumber}")
	String transfer(@PathVariable String leaseNumber, @RequestParam String spaceNumber, Authentication staff,
			Model model) {
		changes.transfer(leaseNumber, spaceNumber, Staff.of(staff));
		model.addAttribute("notice", "已换到车位 " + spaceNumber.strip().toUpperCase() + "。");
		return show(leaseNumber, staff, model);
	}

	private static boolean works(Authentication viewer) {
		return Staff.of(viewer).isIn(StaffGroup.RECEPTION, StaffGroup.MANAGER);
	}

}
