package cn.tianxiacheng.servicecenter.fee;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.tianxiacheng.servicecenter.estate.Estate;
import cn.tianxiacheng.servicecenter.estate.EstateAdded;
import cn.tianxiacheng.servicecenter.estate.EstateRepository;
import org.springframework.data.domain.Sort;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A new estate starts with the company's fee items at the company's prices, those of the oldest
 * estate in force on the first of the month it was added, so that it can be billed at once; its
 * manager then sets its own prices on 收费标准, from a date on.
 */
@Component
class FeeItemsOfNewEstate {

	private final EstateRepository estates;

	private final FeeItemRepository items;

	private final FeeRateRepository rates;

	private final Clock clock;

	FeeItemsOfNewEstate(EstateRepository estates, FeeItemRepository items, FeeRateRepository rates, Clock clock) {
		this.estates = estates;
		this.items = items;
		this.rates = rates;
		this.clock = clock;
	}

	/** After the estate's commit, in a transaction of its own; recorded, and retried until done. */
	@ApplicationModuleListener
	void onEstateAdded(EstateAdded added) {
		if (!items.findByEstateIdOrderById(added.estateId()).isEmpty()) {
			return;
		}
		Estate estate = estates.findById(added.estateId()).orElseThrow();
		List<FeeItem> companys = estates.findAll(Sort.by("id")).stream()
			.filter(other -> other.getId() < added.estateId())
			.map(other -> items.findByEstateIdOrderById(other.getId()))
			.filter(found -> !found.isEmpty())
			.findFirst()
			.orElse(List.of());
		LocalDate since = LocalDate.now(clock).withDayOfMonth(1);
		for (FeeItem item : companys) {
			FeeItem own = items.save(new FeeItem(estate, item.getCode(), item.getName(), item.getKind()));
			rates.findByFeeItem(item)
				.stream()
				.filter(rate -> !rate.getValidFrom().isAfter(since)
						&& (rate.getValidTo() == null || !rate.getValidTo().isBefore(since)))
				.forEach(rate -> rates.save(new FeeRate(own, rate.getUnitType(), rate.getPrice(), since)));
		}
	}

}
