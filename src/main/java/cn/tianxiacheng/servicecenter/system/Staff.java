package cn.tianxiacheng.servicecenter.system;

import java.util.Set;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/**
 * Who acts: a staff member with their groups, or the system (a timer, a delegate, a follow-up
 * after a payment). Services take it to check the role and to record who did what.
 */
@NamedInterface("security")
public record Staff(String id, Set<String> groupIds) {

	public static final Staff SYSTEM = new Staff("system", Set.of());

	public static Staff of(Authentication authentication) {
		return new Staff(authentication.getName(), StaffAuthorities.groupIds(authentication));
	}

	public boolean isIn(StaffGroup... groups) {
		for (StaffGroup group : groups) {
			if (groupIds.contains(group.id())) {
				return true;
			}
		}
		return false;
	}

	/** Refuses (403, with the refusal as the message) a staff member in none of the groups; the system may. */
	public void require(String refusal, StaffGroup... groups) {
		if (this != SYSTEM && !isIn(groups)) {
			throw new AccessDeniedException(refusal);
		}
	}

}
