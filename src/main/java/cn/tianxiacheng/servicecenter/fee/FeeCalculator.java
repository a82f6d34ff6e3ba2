package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The formulas of the fees, as pure functions: amounts in yuan, areas in m², rounded half up
 * to the fen once per amount.
 */
final class FeeCalculator {

	private static final int EXACT = 10;

	private FeeCalculator() {
	}

	/**
	 * 物业管理费 for one month: area × price per m² per month. A unit billed for part of the month
	 * (moved in, or left, during it) pays for the days it was billed, both ends included:
	 * area × price × days / days of the month.
	 */
	public static BigDecimal managementFee(BigDecimal areaM2, BigDecimal pricePerM2Month, YearMonth month,
			LocalDate billedFrom, LocalDate billedTo) {
		LocalDate from = later(month.atDay(1), billedFrom);
		LocalDate to = earlier(month.atEndOfMonth(), billedTo);
		if (to.isBefore(from)) {
			return Money.ZERO;
		}
		long days = ChronoUnit.DAYS.between(from, to) + 1;
		BigDecimal exact = areaM2.multiply(pricePerM2Month)
			.multiply(BigDecimal.valueOf(days))
			.divide(BigDecimal.valueOf(month.lengthOfMonth()), EXACT, RoundingMode.HALF_UP);
		return Money.yuan(exact);
	}

	/** 暖气费 for a season: area × price per m² per season; a vacant unit pays its reduced share. */
	public static BigDecimal heatingFee(BigDecimal areaM2, BigDecimal pricePerM2Season, boolean vacant,
			BigDecimal vacantShare) {
		BigDecimal exact = areaM2.multiply(pricePerM2Season);
		return Money.yuan(vacant ? exact.multiply(vacantShare) : exact);
	}

	/** 水费, 电费: (this reading − last reading) × price. A reading lower than the last is refused. */
	public static BigDecimal meteredFee(BigDecimal lastReading, BigDecimal reading, BigDecimal price) {
		if (reading.compareTo(lastReading) < 0) {
			throw new IllegalArgumentException("本次读数 " + reading.toPlainString() + " 小于上次读数 "
					+ lastReading.toPlainString() + "，请核对");
		}
		return Money.yuan(reading.subtract(lastReading).multiply(price));
	}

	/**
	 * 公摊费用: a shared cost apportioned to units by floor area, by the largest remainder method:
	 * every unit gets its share rounded down to the fen, and the fen left over go one each to the
	 * units with the largest remainders (ties: the order given). The shares add up to the total.
	 */
	public static <K> Map<K, BigDecimal> apportionByArea(BigDecimal total, Map<K, BigDecimal> areas) {
		if (total.signum() < 0 || total.scale() > 2) {
			throw new IllegalArgumentException("公摊总额必须是不小于 0、最多两位小数的金额");
		}
		BigDecimal totalArea = areas.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		if (totalArea.signum() <= 0) {
			throw new IllegalArgumentException("没有可分摊的建筑面积");
		}
		long totalFen = total.movePointRight(2).longValueExact();
		record Share<K>(K key, long fen, BigDecimal remainder, int order) {
		}
		List<Share<K>> shares = new ArrayList<>();
		long allotted = 0;
		int order = 0;
		for (Map.Entry<K, BigDecimal> entry : areas.entrySet()) {
			BigDecimal exactFen = BigDecimal.valueOf(totalFen)
				.multiply(entry.getValue())
				.divide(totalArea, EXACT, RoundingMode.DOWN);
			long fen = exactFen.setScale(0, RoundingMode.DOWN).longValueExact();
			shares.add(new Share<>(entry.getKey(), fen, exactFen.subtract(BigDecimal.valueOf(fen)), order++));
			allotted += fen;
		}
		List<Share<K>> byRemainder = new ArrayList<>(shares);
		byRemainder.sort(Comparator.comparing((Share<K> s) -> s.remainder()).reversed()
			.thenComparingInt(Share::order));
		Map<K, Long> extra = new HashMap<>();
		for (int i = 0; i < totalFen - allotted; i++) {
			extra.merge(byRemainder.get(i).key(), 1L, Long::sum);
		}
		Map<K, BigDecimal> result = new LinkedHashMap<>();
		for (Share<K> share : shares) {
			result.put(share.key(), BigDecimal.valueOf(share.fen() + extra.getOrDefault(share.key(), 0L), 2));
		}
		return result;
	}

	private static LocalDate later(LocalDate a, LocalDate b) {
		return b == null || a.isAfter(b) ? a : b;
	}

	private static LocalDate earlier(LocalDate a, LocalDate b) {
		return b == null || a.isBefore(b) ? a : b;
	}

}
