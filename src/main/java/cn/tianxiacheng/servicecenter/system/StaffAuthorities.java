package cn.tianxiacheng.servicecenter.system;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A staff member's Camunda groups carried as Spring roles: group {@code manager} is the
 * authority {@code ROLE_manager}, so {@code hasRole("manager")} reads as the group.
 */
@NamedInterface("security")
public final class StaffAuthorities {

	/**
	 * Held by a session of the owner channel (an owner, household member or tenant signed in with a
	 * code): not staff, so refused on every staff surface. No group's role can be named so.
	 */
	public static final String OWNER_CHANNEL = "OWNER_CHANNEL";

	private static final String PREFIX = "ROLE_";

	private StaffAuthorities() {
	}

	public static List<GrantedAuthority> of(Collection<String> groupIds) {
		return groupIds.stream().<GrantedAuthority>map(id -> new SimpleGrantedAuthority(PREFIX + id)).toList();
	}

	/** Refuses (403) a staff member who is in none of the groups. */
	public static void requireAny(Authentication authentication, String refusal, StaffGroup... groups) {
		Set<String> memberOf = groupIds(authentication);
		for (StaffGroup group : groups) {
			if (memberOf.contains(group.id())) {
				return;
			}
		}
		throw new AccessDeniedException(refusal);
	}

	public static boolean isOwnerChannel(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> OWNER_CHANNEL.equals(authority.getAuthority()));
	}

	public static Set<String> groupIds(Authentication authentication) {
		if (authentication == null) {
			return Set.of();
		}
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith(PREFIX))
			.map(a -> a.substring(PREFIX.length()))
			.collect(Collectors.toUnmodifiableSet());
	}

}
