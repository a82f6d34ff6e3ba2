package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 抄表: meter readings of a unit. The first reading of a meter (at move-in) is only recorded;
 * each later one bills the consumption since the last at the item's price ({@code WATER},
 * {@code ELECTRICITY}; a meter without a fee item, such as gas, is only recorded).
 */
@Service
public class MeterReadings {

	private final UnitRepository units;

	private final FeeItemRepository items;

	private final FeeRateRepository rates;

	private final BillWriter billWriter;

	private final JdbcTemplate jdbc;

	private final FeeProperties properties;

	private final Clock clock;

	MeterReadings(UnitRepository units, FeeItemRepository items, FeeRateRepository rates, BillWriter billWriter,
			JdbcTemplate jdbc, FeeProperties properties, Clock clock) {
		this.units = units;
		this.items = items;
		this.rates = rates;
		this.billWriter = billWriter;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** A reading as the owner archive shows it. */
	public record Reading(String meter, BigDecimal reading, LocalDate readOn) {
	}

	/** The unit's readings, oldest first. */
	public List<Reading> ofUnit(long unitId) {
		return jdbc.query("select meter, reading, read_on from meter_reading where unit_id = ? order by read_on, meter",
				(rs, i) -> new Reading(rs.getString(1), rs.getBigDecimal(2), rs.getDate(3).toLocalDate()), unitId);
	}

	public record Recorded(long unitId, String meter, BigDecimal reading, BigDecimal lastReading, BigDecimal consumption,
			BigDecimal amount) {
	}

	@Transactional
	public Recorded record(long unitId, String meter, BigDecimal reading, LocalDate readOn, String readBy) {
		if (reading.signum() < 0) {
			throw new BadInputException("表读数不能为负数");
		}
		Unit unit = units.findById(unitId).orElseThrow(() -> new BusinessRuleException("房屋不存在：编号 " + unitId));
		if (readOn.isAfter(LocalDate.now(clock))) {
			throw new BusinessRuleException("抄表日期不能晚于今天");
		}
		List<Object[]> last = jdbc.query("""
				select reading, read_on from meter_reading where unit_id = ? and meter = ?
				 order by read_on desc fetch first 1 rows only""",
				(rs, i) -> new Object[] { rs.getBigDecimal(1), rs.getDate(2).toLocalDate() }, unitId, meter);
		BigDecimal lastReading = last.isEmpty() ? null : (BigDecimal) last.get(0)[0];
		if (!last.isEmpty() && !readOn.isAfter((LocalDate) last.get(0)[1])) {
			throw new ConflictException("该表在 " + last.get(0)[1] + " 已抄过，本次抄表日期应晚于上次");
		}
		Long billId = null;
		BigDecimal amount = null;
		Optional<FeeItem> item = items.findByEstateIdAndCode(unit.getBuilding().getEstate().getId(), meter)
			.filter(candidate -> candidate.getKind() == FeeKind.METERED);
		if (lastReading != null && item.isPresent()) {
			try {
				amount = FeeCalculator.meteredFee(lastReading, reading,
						RateCard.of(item.get(), rates.findByFeeItem(item.get()), readOn).price(unit.getType()));
			}
			catch (IllegalArgumentException lowerThanLast) {
				throw new BusinessRuleException(lowerThanLast.getMessage());
			}
			if (amount.signum() > 0) {
				String period = YearMonth.from(readOn).toString();
				String subject = meter + " " + readOn;
				billWriter.issue(List.of(new NewBill(unitId, item.get().getId(), period, subject, null, readOn, amount,
						readOn.plusDays(properties.paymentTermDays() - 1L), period + " " + item.get().getName() + "："
								+ lastReading.toPlainString() + " → " + reading.toPlainString())),
						readBy);
				billId = jdbc.queryForObject(
						"select id from bill where unit_id = ? and fee_item_id = ? and period = ? and subject = ?",
						Long.class, unitId, item.get().getId(), period, subject);
			}
		}
		else if (lastReading != null && reading.compareTo(lastReading) < 0) {
			throw new BusinessRuleException("本次读数 " + reading.toPlainString() + " 小于上次读数 " + lastReading.toPlainString() + "，请核对");
		}
		jdbc.update("""
				insert into meter_reading (unit_id, meter, reading, read_on, read_by, recorded_at, bill_id)
				values (?, ?, ?, ?, ?, ?, ?)""", unitId, meter, reading, Date.valueOf(readOn), readBy,
				Timestamp.from(clock.instant()), billId);
		return new Recorded(unitId, meter, reading, lastReading,
				lastReading == null ? null : reading.subtract(lastReading), amount);
	}

}
