package cn.tianxiacheng.servicecenter.movein;

import cn.tianxiacheng.servicecenter.system.CamundaAuthorizations;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Reception registers move-ins. */
@Component
@Order(5)
class MoveInSetup implements ApplicationRunner {

	private final CamundaAuthorizations authorizations;

	MoveInSetup(CamundaAuthorizations authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void run(ApplicationArguments args) {
		authorizations.allowStart(MoveInProcess.KEY, StaffGroup.RECEPTION);
	}

}
