package cn.tianxiacheng.servicecenter.system;

import java.io.Serializable;
import java.util.List;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in staff member: the estates they work in and the one they work in now. Everything they
 * see and do is that estate's until they switch.
 */
record StaffPrincipal(String userId, List<EstateRef> estates, EstateRef current)
		implements AuthenticatedPrincipal, Serializable {

	@Override
	public String getName() {
		return userId;
	}

	StaffPrincipal switchedTo(EstateRef estate) {
		return new StaffPrincipal(userId, estates, estate);
	}

	@Override
	public String toString() {
		return userId;
	}

}
