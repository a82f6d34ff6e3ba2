package cn.tianxiacheng.servicecenter.estate;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which staff groups see phones and names in clear on the records they open; every other group
 * sees them masked. ID numbers follow the archive's access rule, not a group.
 *
 * @param phonesVisibleTo groups that phone owners and tenants in their work
 */
@ConfigurationProperties("servicecenter.privacy")
record PersonalDataProperties(Set<String> phonesVisibleTo) {

	public PersonalDataProperties {
		phonesVisibleTo = phonesVisibleTo == null ? Set.of() : Set.copyOf(phonesVisibleTo);
	}

}
