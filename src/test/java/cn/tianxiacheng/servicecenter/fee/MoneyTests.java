package cn.tianxiacheng.servicecenter.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTests {

	@ParameterizedTest
	@CsvSource({ "0.00, 零元整", "0.05, 伍分", "0.50, 伍角整", "1.50, 壹元伍角整", "100.00, 壹佰元整", "100.05, 壹佰元零伍分",
			"1005.60, 壹仟零伍元陆角整", "10000.00, 壹万元整", "100010.05, 壹拾万零壹拾元零伍分", "198.79, 壹佰玖拾捌元柒角玖分",
			"2546.57, 贰仟伍佰肆拾陆元伍角柒分", "1000000.00, 壹佰万元整", "100000001.00, 壹亿零壹元整", "30000.20, 叁万元贰角整",
			"-12.30, 负壹拾贰元叁角整" })
	void shouldWriteAmountsInChineseCapitals(String amount, String capitals) {
		assertThat(Money.inChineseCapitals(new BigDecimal(amount))).isEqualTo(capitals);
	}

}
