package cn.tianxiacheng.servicecenter.estate;

import java.util.List;

import cn.tianxiacheng.servicecenter.estate.PersonalDataPolicy.ClearRead;
import cn.tianxiacheng.servicecenter.system.Staff;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The log of every read of a phone or ID number in clear, for the auditor and the manager. */
@RestController
class PersonalDataReadLogController {

	private static final int LATEST = 500;

	private final PersonalDataPolicy personalData;

	PersonalDataReadLogController(PersonalDataPolicy personalData) {
		this.personalData = personalData;
	}

	@GetMapping("/api/personal-data/read-log")
	List<ClearRead> readLog(Authentication viewer) {
		return personalData.readLog(Staff.of(viewer), LATEST);
	}

}
