package cn.tianxiacheng.servicecenter.estate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataMaskTests {

	@Test
	void shouldMaskAPhoneNumberToItsFirstThreeAndLastFourDigits() {
		assertThat(PersonalDataMask.maskPhone("13812345678")).isEqualTo("138****5678");
	}

	@Test
	void shouldMaskAnIdNumberToItsRegionAndLastFourCharacters() {
		assertThat(PersonalDataMask.maskIdNumber("11010519491231002X")).isEqualTo("1101**********002X");
	}

	@Test
	void shouldMaskShortOrMissingValuesWhole() {
		assertThat(PersonalDataMask.maskPhone("12345")).isEqualTo("*****");
		assertThat(PersonalDataMask.maskPhone(null)).isNull();
		assertThat(PersonalDataMask.maskPhone("")).isEmpty();
	}

	@Test
	void shouldShowInClearOnlyWhatTheMaskAllows() {
		PersonalDataMask phonesOnly = new PersonalDataMask(true, false, false);
		assertThat(phonesOnly.phone("13812345678")).isEqualTo("13812345678");
		assertThat(phonesOnly.idNumber("11010519491231002X")).isEqualTo("1101**********002X");
		assertThat(phonesOnly.name("欧阳明")).isEqualTo("欧**");
		assertThat(PersonalDataMask.MASKED.name("张三")).isEqualTo("张*");
	}

}
