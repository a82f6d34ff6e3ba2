package cn.tianxiacheng.servicecenter.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class FeeCalculatorTests {

	static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

	@Test
	void shouldChargeAreaTimesPriceForAWholeMonth() {
		assertThat(FeeCalculator.managementFee(bd("89.62"), bd("2.20"), NOVEMBER, null, null))
			.isEqualTo(bd("197.16"));
	}

	@Test
	void shouldProrateAFirstMonthByDaysBothEndsIncluded() {
		// moved in on 11-21: 10 of 30 days; 132.45 × 2.20 × 10 / 30 = 97.13
		assertThat(FeeCalculator.managementFee(bd("132.45"), bd("2.20"), NOVEMBER, LocalDate.of(2026, 11, 21), null))
			.isEqualTo(bd("97.13"));
	}

	@Test
	void shouldProrateALastMonthByDays() {
		// billed until 02-14 of a 28-day February: 14 / 28 of 100.00 × 2.00
		assertThat(FeeCalculator.managementFee(bd("100.00"), bd("2.00"), YearMonth.of(2027, 2), null,
				LocalDate.of(2027, 2, 14)))
			.isEqualTo(bd("100.00"));
	}

	@Test
	void shouldChargeNothingForAMonthBeforeTheMoveIn() {
		assertThat(FeeCalculator.managementFee(bd("89.62"), bd("2.20"), NOVEMBER, LocalDate.of(2026, 12, 3), null))
			.isEqualTo(bd("0.00"));
	}

	@Test
	void shouldRoundHalfUpToTheFenOnce() {
		// 33.33 × 1.15 = 38.3295 → 38.33
		assertThat(FeeCalculator.managementFee(bd("33.33"), bd("1.15"), NOVEMBER, null, null)).isEqualTo(bd("38.33"));
		// 1 day of 31: 10.00 × 1.00 / 31 = 0.32258… → 0.32
		assertThat(FeeCalculator.managementFee(bd("10.00"), bd("1.00"), YearMonth.of(2026, 12),
				LocalDate.of(2026, 12, 31), null))
			.isEqualTo(bd("0.32"));
	}

	@Test
	void shouldChargeAFullOrAReducedHeatingSeason() {
		assertThat(FeeCalculator.heatingFee(bd("89.62"), bd("25.00"), false, bd("0.30"))).isEqualTo(bd("2240.50"));
		assertThat(FeeCalculator.heatingFee(bd("89.62"), bd("25.00"), true, bd("0.30"))).isEqualTo(bd("672.15"));
	}

	@Test
	void shouldChargeTheConsumptionBetweenTwoReadings() {
		assertThat(FeeCalculator.meteredFee(bd("1024.50"), bd("1046.30"), bd("4.90"))).isEqualTo(bd("106.82"));
		assertThat(FeeCalculator.meteredFee(bd("88.00"), bd("88.00"), bd("0.52"))).isEqualTo(bd("0.00"));
	}

	@Test
	void shouldRefuseAReadingLowerThanTheLast() {
		assertThatThrownBy(() -> FeeCalculator.meteredFee(bd("1046.30"), bd("1024.50"), bd("4.90")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("小于上次读数");
	}

	@Test
	void shouldApportionASharedCostByAreaToTheFen() {
		Map<String, BigDecimal> areas = new LinkedHashMap<>();
		areas.put("1-1-101", bd("100.00"));
		areas.put("1-1-102", bd("100.00"));
		areas.put("1-1-103", bd("100.00"));

		Map<String, BigDecimal> shares = FeeCalculator.apportionByArea(bd("100.00"), areas);

		// 33.333… each; the one fen left goes to the first of the equal remainders
		assertThat(shares).containsExactly(Map.entry("1-1-101", bd("33.34")), Map.entry("1-1-102", bd("33.33")),
				Map.entry("1-1-103", bd("33.33")));
	}

	@Test
	void shouldGiveTheLeftoverFenToTheLargestRemainders() {
		Map<String, BigDecimal> areas = new LinkedHashMap<>();
		areas.put("a", bd("89.62"));
		areas.put("b", bd("132.45"));
		areas.put("c", bd("118.30"));
		// exact shares of 0.05: 0.013165…, 0.019457…, 0.017378… fen-floors 1, 1, 1; 2 fen left:
		// remainders .3165, .9457, .7378 → b then c
		Map<String, BigDecimal> shares = FeeCalculator.apportionByArea(bd("0.05"), areas);
		assertThat(shares).containsExactly(Map.entry("a", bd("0.01")), Map.entry("b", bd("0.02")),
				Map.entry("c", bd("0.02")));
	}

	@Test
	void shouldAddUpExactlyForAwkwardTotalsAndManyUnits() {
		Random random = new Random(7);
		Map<Integer, BigDecimal> areas = new LinkedHashMap<>();
		for (int unit = 0; unit < 5_000; unit++) {
			areas.put(unit, BigDecimal.valueOf(4_000 + random.nextInt(20_000), 2));
		}
		for (String total : new String[] { "12345.67", "0.01", "0.00", "99999999.99", "1.00", "4999.99" }) {
			Map<Integer, BigDecimal> shares = FeeCalculator.apportionByArea(bd(total), areas);
			assertThat(shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).as(total).isEqualTo(bd(total));
			assertThat(shares.values()).allSatisfy(share -> assertThat(share.scale()).isEqualTo(2))
				.allSatisfy(share -> assertThat(share.signum()).isNotNegative());
		}
	}

	@Test
	void shouldRefuseAnApportionmentThatCannotAddUp() {
		assertThatThrownBy(() -> FeeCalculator.apportionByArea(bd("10.001"), Map.of("a", bd("1.00"))))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> FeeCalculator.apportionByArea(bd("10.00"), Map.of()))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static BigDecimal bd(String value) {
		return new BigDecimal(value);
	}

}
