package cn.tianxiacheng.servicecenter.fee;

import cn.tianxiacheng.servicecenter.estate.EstateImportRecords;
import cn.tianxiacheng.servicecenter.system.RefusedInputShownOn;
import cn.tianxiacheng.servicecenter.system.Staff;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The form 导入期初余额 of the estates page ({@code /estates}), whose record lists the import it made. */
@Controller
class OpeningBalancePageController {

	private final OpeningBalances balances;

	OpeningBalancePageController(OpeningBalances balances) {
		this.balances = balances;
	}

	@PostMapping("/estates/balances")
	@RefusedInputShownOn("/estates")
	String bringIn(@Valid @ModelAttribute OpeningBalanceForm form, @RequestParam(required = false) MultipartFile file,
			Authentication staff) {
		long imported = balances.bringIn(form.toImport(), file == null ? null : file.getOriginalFilename(),
				EstateImportRecords.bytes(file), Staff.of(staff));
		return "redirect:/estates?imported=" + imported;
	}

}
