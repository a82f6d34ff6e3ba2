package cn.tianxiacheng.servicecenter.estate;

import java.util.Collections;
import java.util.Set;

import cn.tianxiacheng.servicecenter.system.StaffAuthorities;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Decides, from a staff member's groups, whether they see phone and ID numbers in clear.
 */
@Component
public class PersonalDataPolicy {

	private final PersonalDataProperties properties;

	PersonalDataPolicy(PersonalDataProperties properties) {
		this.properties = properties;
	}

	public PersonalDataMask maskFor(Authentication authentication) {
		Set<String> groups = StaffAuthorities.groupIds(authentication);
		return new PersonalDataMask(!Collections.disjoint(groups, properties.phonesVisibleTo()),
				!Collections.disjoint(groups, properties.idNumbersVisibleTo()));
	}

}
