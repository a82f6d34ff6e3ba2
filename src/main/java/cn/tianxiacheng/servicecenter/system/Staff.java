package cn.tianxiacheng.servicecenter.system;

import java.util.List;
import java.util.Set;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/**
 * Who acts: a staff member with their groups in the estate they work in now, or the system (a timer,
 * a delegate, a follow-up after a payment), which acts on records it names and in no estate of its
 * own. Services take it to check the role, to keep to its estate and to record who did what.
 */
@NamedInterface("security")
public record Staff(String id, Set<String> groupIds, EstateRef estate) {

	public static final Staff SYSTEM = new Staff("system", Set.of(), null);

	public static Staff of(Authentication authentication) {
		EstateRef estate = authentication.getPrincipal() instanceof StaffPrincipal principal ? principal.current() : null;
		return new Staff(authentication.getName(), StaffAuthorities.groupIds(authentication), estate);
	}

	/** Every estate the signed-in staff member works in, the oldest first. */
	public static List<EstateRef> estatesOf(Authentication authentication) {
		return authentication.getPrincipal() instanceof StaffPrincipal principal ? principal.estates() : List.of();
	}

	/** The estate every record this staff member reads or writes must belong to (403 for one who works in none). */
	public EstateRef workingEstate() {
		if (estate == null) {
			throw new AccessDeniedException("尚未选择所在项目");
		}
		return estate;
	}

	public long estateId() {
		return workingEstate().id();
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
