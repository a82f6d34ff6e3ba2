package cn.tianxiacheng.servicecenter.parking;

import java.time.LocalDate;
import java.util.List;

import cn.tianxiacheng.servicecenter.estate.ParkingSpaceStatus;
import cn.tianxiacheng.servicecenter.estate.PersonalDataPolicy;
import cn.tianxiacheng.servicecenter.fee.ParkingRent.RentRefund;
import cn.tianxiacheng.servicecenter.fee.PaymentMethod;
import cn.tianxiacheng.servicecenter.parking.LeaseApplications.Application;
import cn.tianxiacheng.servicecenter.parking.LeaseApplications.Registered;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.LesseeKind;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.PaymentPlan;
import cn.tianxiacheng.servicecenter.parking.ParkingViews.LeaseLine;
import cn.tianxiacheng.servicecenter.parking.ParkingViews.LeaseView;
import cn.tianxiacheng.servicecenter.parking.ParkingViews.SpaceLine;
import cn.tianxiacheng.servicecenter.parking.ParkingWaitlist.Entry;
import cn.tianxiacheng.servicecenter.system.Staff;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 车位租赁 over the API: applications (a retry with the same {@code requestId} returns the same
 * lease), renewal, plate change, transfer, early termination; spaces by status, leases ending
 * soon, the waiting list.
 */
@RestController
class ParkingApiController {

	private final LeaseApplications applications;

	private final LeaseChanges changes;

	private final ParkingLeases leases;

	private final ParkingViews views;

	private final ParkingWaitlist waitlist;

	private final PersonalDataPolicy privacy;

	ParkingApiController(LeaseApplications applications, LeaseChanges changes, ParkingLeases leases,
			ParkingViews views, ParkingWaitlist waitlist, PersonalDataPolicy privacy) {
		this.applications = applications;
		this.changes = changes;
		this.leases = leases;
		this.views = views;
		this.waitlist = waitlist;
		this.privacy = privacy;
	}

	record LeaseRequest(
			@NotBlank(message = "缺少 requestId（请求编号，重试时保持不变）") @Size(max = 64, message = "requestId 最多 64 个字符") String requestId,
			@NotBlank(message = "缺少 unitNumber（房号，如 3-2-1501）") String unitNumber,
			@NotNull(message = "缺少 lesseeKind") @Pattern(regexp = "OWNER|TENANT",
					message = "lesseeKind 只能是 OWNER（业主）或 TENANT（租户）") String lesseeKind,
			@NotBlank(message = "缺少 lesseeName（承租人姓名）") String lesseeName,
			@NotBlank(message = "缺少 lesseePhone（承租人电话）") String lesseePhone,
			@NotBlank(message = "缺少 spaceNumber（车位编号，如 B1-023）") String spaceNumber, List<String> plates,
			@NotNull(message = "缺少 startDate（起租日）") LocalDate startDate,
			@NotNull(message = "缺少 months（租期月数）") Integer months,
			@NotNull(message = "缺少 paymentPlan") @Pattern(regexp = "PREPAID|MONTHLY",
					message = "paymentPlan 只能是 PREPAID（整个租期一次缴清）或 MONTHLY（按月缴纳）") String paymentPlan) {

		Application application() {
			return new Application(requestId, unitNumber, LesseeKind.valueOf(lesseeKind), lesseeName, lesseePhone,
					spaceNumber, plates, startDate, months, PaymentPlan.valueOf(paymentPlan));
		}

	}

	record Renewal(@NotNull(message = "缺少 months（续租月数）") Integer months) {
	}

	record Termination(@NotNull(message = "缺少 lastDay（退租的最后一天）") LocalDate lastDay,
			@NotBlank(message = "请填写退租原因") String reason,
			@NotNull(message = "缺少 method（退款方式）") PaymentMethod method) {
	}

	record Plates(List<String> plates) {
	}

	record Transfer(@NotBlank(message = "缺少 spaceNumber（新车位编号）") String spaceNumber) {
	}

	record WaitlistRequest(@NotBlank(message = "缺少 unitNumber（房号）") String unitNumber,
			@NotNull(message = "缺少 applicantKind") @Pattern(regexp = "OWNER|TENANT",
					message = "applicantKind 只能是 OWNER（业主）或 TENANT（租户）") String applicantKind,
			@NotBlank(message = "缺少 applicantName（候补人姓名）") String applicantName,
			@NotBlank(message = "缺少 applicantPhone（候补人电话）") String applicantPhone) {
	}

	@PostMapping("/api/parking-leases")
	Registered apply(@Valid @RequestBody LeaseRequest request, Authentication staff) {
		return applications.apply(request.application(), Staff.of(staff));
	}

	@GetMapping("/api/parking-leases")
	List<LeaseLine> list(@RequestParam(required = false) Integer endingWithinDays, Authentication viewer) {
		return endingWithinDays == null ? views.open(Staff.of(viewer))
				: views.endingWithin(endingWithinDays, Staff.of(viewer));
	}

	@GetMapping("/api/parking-leases/{leaseNumber}")
	LeaseView show(@PathVariable String leaseNumber, Authentication viewer) {
		return views.of(leaseNumber, Staff.of(viewer));
	}

	@PostMapping("/api/parking-leases/{leaseNumber}/renewals")
	LeaseView renew(@PathVariable String leaseNumber, @Valid @RequestBody Renewal renewal, Authentication staff) {
		changes.renew(leaseNumber, renewal.months(), Staff.of(staff));
		return views.of(leaseNumber, Staff.of(staff));
	}

	@PostMapping("/api/parking-leases/{leaseNumber}/termination")
	RentRefund terminate(@PathVariable String leaseNumber, @Valid @RequestBody Termination termination,
			Authentication staff) {
		return changes.terminate(leaseNumber, termination.lastDay(), termination.reason(), termination.method(),
				Staff.of(staff));
	}

	@PostMapping("/api/parking-leases/{leaseNumber}/plates")
	LeaseView changePlates(@PathVariable String leaseNumber, @RequestBody Plates plates, Authentication staff) {
		changes.changePlates(leaseNumber, plates.plates(), Staff.of(staff));
		return views.of(leaseNumber, Staff.of(staff));
	}

	@PostMapping("/api/parking-leases/{leaseNumber}/transfer")
	LeaseView transfer(@PathVariable String leaseNumber, @Valid @RequestBody Transfer transfer, Authentication staff) {
		changes.transfer(leaseNumber, transfer.spaceNumber(), Staff.of(staff));
		return views.of(leaseNumber, Staff.of(staff));
	}

	@GetMapping("/api/parking-spaces")
	List<SpaceLine> spaces(@RequestParam(required = false) ParkingSpaceStatus status, Authentication viewer) {
		return views.spaces(Staff.of(viewer).estateId(), status);
	}

	record WithdrawalRequest(@NotBlank(message = "请填写撤回原因（reason）") String reason) {
	}

	/** 撤回候补 with its reason; a space held for the entry goes to the next one waiting. */
	@PostMapping("/api/parking-waitlist/{entryId}/withdrawal")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void withdraw(@PathVariable long entryId, @Valid @RequestBody WithdrawalRequest request, Authentication staff) {
		leases.withdrawFromWaitlist(entryId, request.reason(), Staff.of(staff));
	}

	@GetMapping("/api/parking-waitlist")
	List<Entry> waitlist(Authentication viewer) {
		return waitlist.list(Staff.of(viewer).estateId(), privacy.forList(Staff.of(viewer)));
	}

	@PostMapping("/api/parking-waitlist")
	@ResponseStatus(HttpStatus.CREATED)
	Entry join(@Valid @RequestBody WaitlistRequest request, Authentication staff) {
		return waitlist.add(request.unitNumber(), "OWNER".equals(request.applicantKind()), request.applicantName(),
				request.applicantPhone(), Staff.of(staff));
	}

}
