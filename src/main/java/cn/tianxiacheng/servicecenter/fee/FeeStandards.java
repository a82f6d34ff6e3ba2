package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.estate.UnitType;
import cn.tianxiacheng.servicecenter.system.RequestOnce;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 收费标准: the fee items with their rates per unit type and their dates, and the manager's
 * changes. A new rate takes effect from a day not before today (bills already issued keep their
 * price); the rate it replaces ends the day before; every change is kept with the price it
 * replaced, the reason and who made it. A change sent twice is made once.
 */
@Service
class FeeStandards {

	static final BigDecimal MAX_PRICE = new BigDecimal("999999.99");

	private final JdbcTemplate jdbc;

	private final EntityManager entityManager;

	private final Clock clock;

	private final RequestOnce requestOnce;

	FeeStandards(JdbcTemplate jdbc, EntityManager entityManager, Clock clock, RequestOnce requestOnce) {
		this.requestOnce = requestOnce;
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	record Rate(String unitTypeLabel, BigDecimal price, LocalDate validFrom, LocalDate validTo) {

		/** 执行中, 待执行 or 已停止 on the day. */
		public String stateOn(LocalDate day) {
			return day.isBefore(validFrom) ? "待执行" : validTo != null && day.isAfter(validTo) ? "已停止" : "执行中";
		}

	}

	record Standard(long itemId, String code, String name, FeeKind kind, String unit, List<Rate> rates) {

		/** Whether the item is charged by a standard the manager may change. */
		public boolean isPriced() {
			return !rates.isEmpty();
		}

	}

	record Change(String itemName, String unitTypeLabel, BigDecimal oldPrice, BigDecimal newPrice, LocalDate validFrom,
			String reason, String changedBy, Instant changedAt) {
	}

	/** Every fee item of the estate with its rates, the latest first within a unit type. */
	List<Standard> standards(long estateId) {
		Map<Long, Standard> standards = new LinkedHashMap<>();
		jdbc.query("select id, code, name, kind from fee_item where estate_id = ? order by id", rs -> {
			FeeKind kind = FeeKind.valueOf(rs.getString(4));
			standards.put(rs.getLong(1), new Standard(rs.getLong(1), rs.getString(2), rs.getString(3), kind,
					unit(kind, rs.getString(2)), new ArrayList<>()));
		}, estateId);
		jdbc.query("""
				select r.fee_item_id, r.unit_type, r.price, r.valid_from, r.valid_to
				  from fee_rate r join fee_item f on f.id = r.fee_item_id
				 where f.estate_id = ?
				 order by r.fee_item_id, coalesce(r.unit_type, ''), r.valid_from desc""", rs -> {
			Standard standard = standards.get(rs.getLong(1));
			Date validTo = rs.getDate(5);
			standard.rates()
				.add(new Rate(label(rs.getString(2)), rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_UP),
						rs.getDate(4).toLocalDate(), validTo == null ? null : validTo.toLocalDate()));
		}, estateId);
		return List.copyOf(standards.values());
	}

	/** The latest changes of the estate's standards, newest first. */
	List<Change> history(long estateId, int limit) {
		return jdbc.query("""
				select f.name, c.unit_type, c.old_price, c.new_price, c.valid_from, c.reason, c.changed_by, c.changed_at
				  from fee_rate_change c join fee_item f on f.id = c.fee_item_id
				 where f.estate_id = ?
				 order by c.id desc fetch first %d rows only""".formatted(limit), (rs, i) -> {
			BigDecimal old = rs.getBigDecimal(3);
			return new Change(rs.getString(1), label(rs.getString(2)),
					old == null ? null : old.setScale(2, RoundingMode.HALF_UP),
					rs.getBigDecimal(4).setScale(2, RoundingMode.HALF_UP), rs.getDate(5).toLocalDate(), rs.getString(6),
					rs.getString(7), rs.getTimestamp(8).toInstant());
		}, estateId);
	}

	/**
	 * Sets the price of the item for the unit type (null: every type) from the day; refuses a day
	 * in the past, a price already coming later, the same price, and items charged without a
	 * standard (shared costs, deductions). An item of another estate is not found.
	 */
	void change(String requestId, long itemId, UnitType unitType, BigDecimal price, LocalDate validFrom, String reason,
			Staff staff) {
		requestOnce.apply(() -> changeOnce(requestId, itemId, unitType, price, validFrom, reason, staff));
	}

	private Void changeOnce(String requestId, long itemId, UnitType unitType, BigDecimal price, LocalDate validFrom,
			String reason, Staff staff) {
		staff.require("只有服务中心经理可以修改收费标准", StaffGroup.MANAGER);
		if (requestId != null
				&& jdbc.queryForObject("select count(*) from fee_rate_change where request_id = ?", Integer.class,
						requestId) > 0) {
			return null;
		}
		String name = jdbc.queryForList("select name from fee_item where id = ? and estate_id = ?", String.class, itemId,
				staff.estateId())
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("收费项目不存在：编号 " + itemId));
		if (price == null || price.signum() < 0 || price.compareTo(MAX_PRICE) > 0
				|| price.stripTrailingZeros().scale() > 2) {
			throw new BadInputException("收费标准应为 0 至 999999.99 元的金额，最多两位小数");
		}
		if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
			throw new BadInputException("请写明调整依据（如 物价部门批复文号、业主大会决议），最多 200 个字");
		}
		if (validFrom == null) {
			throw new BadInputException("请填写生效日期");
		}
		LocalDate today = LocalDate.now(clock);
		if (validFrom.isBefore(today)) {
			throw new BusinessRuleException("生效日期不能早于今天：已开出的账单按原标准，不能追溯调整");
		}
		if (jdbc.queryForObject("select count(*) from fee_rate where fee_item_id = ?", Integer.class, itemId) == 0) {
			throw new BusinessRuleException("“" + name + "”按实际金额收取或分摊，没有收费标准");
		}
		String type = unitType == null ? null : unitType.name();
		String sameType = type == null ? "unit_type is null" : "unit_type = ?";
		Object[] itemAndType = type == null ? new Object[] { itemId } : new Object[] { itemId, type };
		List<LocalDate> later = jdbc.queryForList(
				"select valid_from from fee_rate where fee_item_id = ? and " + sameType + " and valid_from >= ?",
				LocalDate.class, append(itemAndType, Date.valueOf(validFrom)));
		if (!later.isEmpty()) {
			throw new BusinessRuleException("“" + name + "”（" + label(type) + "）已有自 " + later.get(0)
					+ " 起执行的标准，不能再设早于或同日生效的标准");
		}
		List<Map<String, Object>> current = jdbc.queryForList("select id, price from fee_rate where fee_item_id = ? and "
				+ sameType + " and (valid_to is null or valid_to >= ?)", append(itemAndType, Date.valueOf(validFrom)));
		BigDecimal old = current.isEmpty() ? null : (BigDecimal) current.get(0).get("price");
		if (old != null && old.compareTo(price) == 0) {
			throw new BusinessRuleException("新标准与现行标准相同（" + price.setScale(2) + " 元）");
		}
		for (Map<String, Object> rate : current) {
			entityManager.find(FeeRate.class, ((Number) rate.get("id")).longValue()).endOn(validFrom.minusDays(1));
		}
		entityManager.persist(new FeeRate(entityManager.getReference(FeeItem.class, itemId), unitType, price, validFrom));
		jdbc.update("""
				insert into fee_rate_change (request_id, fee_item_id, unit_type, old_price, new_price, valid_from, reason,
				       changed_by, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", requestId, itemId, type, old, price,
				Date.valueOf(validFrom), reason.strip(), staff.id(), Timestamp.from(clock.instant()));
		return null;
	}

	private static Object[] append(Object[] values, Object value) {
		Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
		all[values.length] = value;
		return all;
	}

	static String label(String unitType) {
		return unitType == null ? "各类房屋通用" : UnitType.valueOf(unitType).label();
	}

	/** What a price is per. */
	static String unit(FeeKind kind, String code) {
		return switch (kind) {
			case AREA_MONTHLY -> "元/m²/月";
			case AREA_SEASONAL -> "元/m²/采暖季";
			case METERED -> "WATER".equals(code) ? "元/吨" : "ELECTRICITY".equals(code) ? "元/度" : "元/单位用量";
			case SPACE_MONTHLY -> "元/个/月";
			case SHARED_COST -> "按实际金额分摊";
			case DEPOSIT, ONE_OFF -> "元";
		};
	}

}
