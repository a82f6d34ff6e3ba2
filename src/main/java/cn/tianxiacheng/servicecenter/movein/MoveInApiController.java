package cn.tianxiacheng.servicecenter.movein;

import java.util.List;

import cn.tianxiacheng.servicecenter.movein.MoveIns.Person;
import cn.tianxiacheng.servicecenter.movein.MoveIns.Registered;
import cn.tianxiacheng.servicecenter.movein.MoveIns.Registration;
import cn.tianxiacheng.servicecenter.movein.MoveIns.Vehicle;
import cn.tianxiacheng.servicecenter.system.Staff;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 入伙登记 by reception: the owners' personal data stays in the app's tables. */
@RestController
class MoveInApiController {

	private final MoveIns moveIns;

	MoveInApiController(MoveIns moveIns) {
		this.moveIns = moveIns;
	}

	record MoveInRequest(@Size(max = 64, message = "requestId 最多 64 个字符") String requestId,
			@NotBlank(message = "缺少 unitNumber（房号）") String unitNumber,
			@NotBlank(message = "缺少 contractNumber（购房合同编号）") String contractNumber,
			@NotEmpty(message = "请至少登记一位业主") List<Person> owners, List<Person> members, List<Vehicle> vehicles) {
	}

	@PostMapping("/api/move-ins")
	Registered register(@Valid @RequestBody MoveInRequest request, Authentication staff) {
		Registration registration = new Registration(request.requestId(), request.unitNumber(), request.contractNumber(),
				request.owners(), request.members(), request.vehicles());
		return moveIns.register(registration, Staff.of(staff));
	}

}
