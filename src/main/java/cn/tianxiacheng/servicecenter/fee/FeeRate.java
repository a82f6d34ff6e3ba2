package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.tianxiacheng.servicecenter.estate.UnitType;
import cn.tianxiacheng.servicecenter.system.BaseEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/**
 * 收费标准: the price of a fee item for one unit type (or every type) from a date on.
 */
@Entity
class FeeRate extends BaseEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private FeeItem feeItem;

	@Enumerated(EnumType.STRING)
	private UnitType unitType;

	private BigDecimal price;

	private LocalDate validFrom;

	private LocalDate validTo;

	protected FeeRate() {
	}

	public FeeRate(FeeItem feeItem, UnitType unitType, BigDecimal price, LocalDate validFrom) {
		this.feeItem = feeItem;
		this.unitType = unitType;
		this.price = price;
		this.validFrom = validFrom;
	}

	public FeeItem getFeeItem() {
		return feeItem;
	}

	public UnitType getUnitType() {
		return unitType;
	}

	public BigDecimal getPrice() {
		return price;
	}

	public LocalDate getValidFrom() {
		return validFrom;
	}

	public LocalDate getValidTo() {
		return validTo;
	}

	/** A new standard takes over the day after. */
	void endOn(LocalDate lastDay) {
		this.validTo = lastDay;
	}

	boolean appliesOn(LocalDate day) {
		return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
	}

}
