package cn.tianxiacheng.servicecenter.owner;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.system.StaffAuthorities;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A person signed in through the owner channel: known by their number's hash (never the number), the
 * units they were on file for at sign-in, and the one they look at now. No Camunda identity.
 */
record OwnerPrincipal(String personKey, List<OwnerUnit> units, long currentUnitId)
		implements AuthenticatedPrincipal, Serializable {

	OwnerPrincipal {
		units = List.copyOf(units);
	}

	@Override
	public String getName() {
		return "owner:" + personKey.substring(0, 12);
	}

	OwnerUnit current() {
		return units.stream().filter(unit -> unit.unitId() == currentUnitId).findFirst().orElseThrow();
	}

	/** Only to one of the person's own units. */
	Optional<OwnerPrincipal> switchedTo(long unitId) {
		return units.stream()
			.filter(unit -> unit.unitId() == unitId)
			.findFirst()
			.map(unit -> new OwnerPrincipal(personKey, units, unitId));
	}

	Authentication authentication() {
		return UsernamePasswordAuthenticationToken.authenticated(this, null,
				List.of(new SimpleGrantedAuthority(StaffAuthorities.OWNER_CHANNEL)));
	}

	@Override
	public String toString() {
		return getName();
	}

}
