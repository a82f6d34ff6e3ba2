package cn.tianxiacheng.servicecenter.estate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdNumbersTests {

	@Test
	void shouldComputeTheCheckCharacterOfGb11643() {
		// The standard's own example number: 11010519491231002X
		assertThat(IdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
		assertThat(IdNumbers.checkCharacter("44052418800101001")).isEqualTo('4');
	}

	@Test
	void shouldAcceptOnlyWellFormedNumbers() {
		assertThat(IdNumbers.isValid("11010519491231002X")).isTrue();
		assertThat(IdNumbers.isValid("110105194912310021")).as("wrong check digit").isFalse();
		assertThat(IdNumbers.isValid("11010519491331002X")).as("no 13th month").isFalse();
		assertThat(IdNumbers.isValid("1101051949123100")).as("too short").isFalse();
		assertThat(IdNumbers.isValid(null)).isFalse();
		String bornIn2099 = "11010520990101123";
		assertThat(IdNumbers.isValid(bornIn2099 + IdNumbers.checkCharacter(bornIn2099))).as("born in the future").isFalse();
		String bornIn1850 = "11010518500101123";
		assertThat(IdNumbers.isValid(bornIn1850 + IdNumbers.checkCharacter(bornIn1850))).as("born before 1900").isFalse();
	}

	@Test
	void shouldAcceptMainlandMobileAndLandlineNumbers() {
		assertThat(PhoneNumbers.isValid("13812345678")).isTrue();
		assertThat(PhoneNumbers.isValid("010-87654321")).isTrue();
		assertThat(PhoneNumbers.isValid("03118765432")).isTrue();
		assertThat(PhoneNumbers.isValid("abc")).isFalse();
		assertThat(PhoneNumbers.isValid("12812345678")).isFalse();
		assertThat(PhoneNumbers.isValid("")).isFalse();
	}

}
