package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.estate.Households;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 公摊费用: a period's shared cost apportioned to the occupied units (of some buildings, or all)
 * by floor area, the shares adding up to the total to the fen.
 */
@Service
class SharedCosts {

	private final Households households;

	private final FeeItemRepository items;

	private final BillWriter billWriter;

	private final JdbcTemplate jdbc;

	private final FeeProperties properties;

	private final Clock clock;

	SharedCosts(Households households, FeeItemRepository items, BillWriter billWriter,
			JdbcTemplate jdbc, FeeProperties properties, Clock clock) {
		this.households = households;
		this.items = items;
		this.billWriter = billWriter;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	record Apportionment(String itemCode, String period, BigDecimal total, int units, BigDecimal sumOfShares) {
	}

	@Transactional
	Apportionment apportion(String itemCode, YearMonth period, BigDecimal total, List<Integer> buildings,
			long estateId, String issuedBy) {
		properties.requireBillable(period, LocalDate.now(clock));
		FeeItem item = items.findByEstateIdAndCode(estateId, itemCode)
			.filter(candidate -> candidate.getKind() == FeeKind.SHARED_COST)
			.orElseThrow(() -> new BusinessRuleException("“" + itemCode + "”不是公摊收费项目"));
		if (jdbc.queryForObject("select count(*) from bill where fee_item_id = ? and period = ?", Integer.class,
				item.getId(), period.toString()) > 0) {
			throw new ConflictException(item.getName() + " " + period + " 已经分摊过；如有错误请先冲正原账单");
		}
		Map<Long, BigDecimal> areas = new LinkedHashMap<>();
		households.occupied(estateId, buildings).forEach(unit -> areas.put(unit.id(), unit.areaM2()));
		if (areas.isEmpty()) {
			throw new BusinessRuleException("所选楼栋没有已入住的房屋");
		}
		Map<Long, BigDecimal> shares = FeeCalculator.apportionByArea(total, areas);
		LocalDate due = LocalDate.now(clock).plusDays(properties.paymentTermDays() - 1L);
		List<NewBill> bills = new ArrayList<>();
		shares.forEach((unitId, share) -> {
			if (share.signum() > 0) {
				bills.add(new NewBill(unitId, item.getId(), period.toString(), "", period.atDay(1), period.atEndOfMonth(),
						share, due, period + " " + item.getName() + "（总额 " + total.toPlainString() + " 元按面积分摊）"));
			}
		});
		billWriter.issue(bills, issuedBy);
		BigDecimal sum = shares.values().stream().reduce(Money.ZERO, BigDecimal::add);
		return new Apportionment(itemCode, period.toString(), total, shares.size(), sum);
	}

}
