package cn.tianxiacheng.servicecenter.fee;

import cn.tianxiacheng.servicecenter.system.CamundaAuthorizations;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Cashiers and the manager may start billing on demand; dunning starts by itself. */
@Component
@Order(5)
class FeeSetup implements ApplicationRunner {

	private final CamundaAuthorizations authorizations;

	FeeSetup(CamundaAuthorizations authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void run(ApplicationArguments args) {
		authorizations.allowStart(FeeBillingProcess.KEY, StaffGroup.CASHIER, StaffGroup.MANAGER);
	}

}
