package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.tianxiacheng.servicecenter.estate.UnitType;

/**
 * The prices of one fee item on one day: a rate for the unit type wins over the item's rate for
 * every type.
 */
record RateCard(FeeItem item, List<FeeRate> rates, LocalDate day) {

	static RateCard of(FeeItem item, List<FeeRate> rates, LocalDate day) {
		return new RateCard(item, rates.stream().filter(rate -> rate.appliesOn(day)).toList(), day);
	}

	BigDecimal price(UnitType type) {
		return rates.stream()
			.filter(rate -> rate.getUnitType() == type)
			.findFirst()
			.or(() -> rates.stream().filter(rate -> rate.getUnitType() == null).findFirst())
			.map(FeeRate::getPrice)
			.orElseThrow(() -> new IllegalStateException("收费项目“" + item.getName() + "”在 " + day + " 没有适用于"
					+ (type == null ? "车位" : type.label()) + "的收费标准"));
	}

}
