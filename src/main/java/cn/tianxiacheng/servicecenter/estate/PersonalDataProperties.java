package cn.tianxiacheng.servicecenter.estate;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which staff groups see personal data in clear; every other group sees it masked.
 *
 * @param phonesVisibleTo groups that phone owners and tenants in their work
 * @param idNumbersVisibleTo groups that need ID numbers in clear
 */
@ConfigurationProperties("servicecenter.privacy")
public record PersonalDataProperties(Set<String> phonesVisibleTo, Set<String> idNumbersVisibleTo) {

	public PersonalDataProperties {
		phonesVisibleTo = phonesVisibleTo == null ? Set.of() : Set.copyOf(phonesVisibleTo);
		idNumbersVisibleTo = idNumbersVisibleTo == null ? Set.of() : Set.copyOf(idNumbersVisibleTo);
	}

}
