package cn.tianxiacheng.servicecenter.casework;

import cn.tianxiacheng.servicecenter.system.CamundaAuthorizations;
import cn.tianxiacheng.servicecenter.system.SetupLock;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Reception and the manager register cases, in Tasklist or through the API. */
@Component
@Order(5)
class CaseworkSetup implements ApplicationRunner {

	private final CamundaAuthorizations authorizations;

	private final SetupLock lock;

	CaseworkSetup(CamundaAuthorizations authorizations, SetupLock lock) {
		this.authorizations = authorizations;
		this.lock = lock;
	}

	@Override
	public void run(ApplicationArguments args) {
		lock.run(() -> {
			authorizations.allowStart(ComplaintProcess.KEY, StaffGroup.RECEPTION, StaffGroup.MANAGER);
			authorizations.allowStart(ServiceRequestProcess.KEY, StaffGroup.RECEPTION, StaffGroup.MANAGER);
		});
	}

}
