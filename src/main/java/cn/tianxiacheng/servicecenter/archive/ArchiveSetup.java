package cn.tianxiacheng.servicecenter.archive;

import cn.tianxiacheng.servicecenter.system.CamundaAuthorizations;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Every working group may ask to consult an owner archive; reception asks for changes. */
@Component
@Order(5)
class ArchiveSetup implements ApplicationRunner {

	private final CamundaAuthorizations authorizations;

	ArchiveSetup(CamundaAuthorizations authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void run(ApplicationArguments args) {
		authorizations.allowStart(ArchiveAccessProcess.KEY, StaffGroup.workGroups().toArray(StaffGroup[]::new));
		authorizations.allowStart("ArchiveChangeProcess", StaffGroup.RECEPTION);
	}

}
