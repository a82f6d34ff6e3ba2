package cn.tianxiacheng.servicecenter.assistance;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.assistance.AssistanceRequests.MonthCount;
import cn.tianxiacheng.servicecenter.assistance.AssistanceRequests.Request;
import cn.tianxiacheng.servicecenter.assistance.Certificates.Certificate;
import cn.tianxiacheng.servicecenter.estate.PersonalDataMask;
import cn.tianxiacheng.servicecenter.estate.PersonalDataPolicy;
import cn.tianxiacheng.servicecenter.journal.StepJournal;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
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

/**
 * 协助办理 pages: the requests with the months' counts (the spring peak of school enrolment
 * shows), the counter's form, a request with its certificate and story, and the print.
 */
@Controller
class AssistancePageController {

	static final StaffGroup[] READERS = { StaffGroup.RECEPTION, StaffGroup.MANAGER, StaffGroup.DIRECTOR,
			StaffGroup.AUDITOR };

	private final AssistanceRequests requests;

	private final Certificates certificates;

	private final StepJournal journal;

	private final PersonalDataPolicy personalData;

	private final Clock clock;

	AssistancePageController(AssistanceRequests requests, Certificates certificates, StepJournal journal,
			PersonalDataPolicy personalData, Clock clock) {
		this.requests = requests;
		this.certificates = certificates;
		this.journal = journal;
		this.personalData = personalData;
		this.clock = clock;
	}

	@GetMapping("/assistance")
	String list(Authentication authentication, Model model) {
		Staff staff = Staff.of(authentication);
		staff.require("您的岗位不能查看协助办理", READERS);
		List<MonthCount> months = requests.perMonth(staff.estateId());
		model.addAttribute("months", months);
		model.addAttribute("busiest", Math.max(1, months.stream().mapToInt(MonthCount::total).max().orElse(1)));
		model.addAttribute("requests", requests.latest(staff.estateId(), 100));
		model.addAttribute("mayRegister", staff.isIn(StaffGroup.RECEPTION, StaffGroup.MANAGER));
		model.addAttribute("kinds", AssistanceKind.values());
		model.addAttribute("purposes", AssistancePurpose.values());
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("requestId", UUID.randomUUID().toString());
		return "assistance/list";
	}

	@PostMapping("/assistance")
	@RefusedInputShownOn("/assistance")
	String register(@Valid @ModelAttribute AssistanceForm form, Authentication staff) {
		String number = requests.register(form.toRegistration(), Staff.of(staff)).requestNumber();
		return "redirect:/assistance/" + number + "?registered";
	}

	@GetMapping("/assistance/{number}")
	String show(@PathVariable String number, Authentication authentication, Model model) {
		Staff staff = Staff.of(authentication);
		staff.require("您的岗位不能查看协助办理", READERS);
		Request request = requests.byNumber(staff.estateId(), number);
		PersonalDataMask mask = personalData.forRecord(staff, "ASSISTANCE", number, "查看协助办理申请");
		Certificate certificate = certificates.ofRequest(staff.estateId(), number).orElse(null);
		model.addAttribute("r", request);
		model.addAttribute("requester", mask.name(request.requesterName()));
		model.addAttribute("certificate", certificate);
		model.addAttribute("showsText", mask.showsNames());
		model.addAttribute("mayPrint", certificate != null && certificate.isIssued()
				&& staff.isIn(StaffGroup.RECEPTION, StaffGroup.MANAGER));
		model.addAttribute("steps", journal.steps(number));
		model.addAttribute("zone", clock.getZone());
		return "assistance/details";
	}

	/** The certificate to print: its text, number, verification code and where to check it. */
	@GetMapping("/assistance/{number}/certificate")
	String print(@PathVariable String number, Authentication authentication, Model model) {
		Staff staff = Staff.of(authentication);
		staff.require("只有接待员和经理可以打印证明", StaffGroup.RECEPTION, StaffGroup.MANAGER);
		Certificate certificate = certificates.ofRequest(staff.estateId(), number)
			.filter(Certificate::isIssued)
			.orElseThrow(() -> new NotFoundException("申请 " + number + " 尚无经批准用印的证明"));
		personalData.logClearRead(staff, "ASSISTANCE", number, "name", "打印证明 " + certificate.serialNumber());
		model.addAttribute("certificate", certificate);
		model.addAttribute("code", certificates.code(certificate));
		model.addAttribute("estateName", staff.estate().name());
		return "assistance/certificate";
	}

}
