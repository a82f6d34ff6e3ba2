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

}
