package cn.tianxiacheng.servicecenter.audit;

import cn.tianxiacheng.servicecenter.system.StaffAuthorities;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.security.core.Authentication;

/** Who reads the center's history: the auditor, the manager, the director and the region's manager. */
final class Auditors {

	private Auditors() {
	}

	static void require(Authentication staff) {
		StaffAuthorities.requireAny(staff, "只有审计、服务中心经理、管理处主任和区域经理可以查看案件历史", StaffGroup.AUDITOR,
				StaffGroup.MANAGER, StaffGroup.DIRECTOR, StaffGroup.REGION_MANAGER);
	}

}
