package cn.tianxiacheng.servicecenter.parking;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import cn.tianxiacheng.servicecenter.estate.Households;
import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who may lease and with which vehicles: an owner or a tenant of the unit by name; plates
 * registered to the unit's household, not to another one, and on no other open lease.
 */
@Component
class ParkingLessees {

	/** A mainland plate: the province's character, the city's letter, 5 characters (6 for new energy). */
	private static final Pattern PLATE = Pattern.compile("[\\u4e00-\\u9fa5][A-Z][A-Z0-9]{5,6}");

	private static final int MAX_PLATES = 3;

	private final JdbcTemplate jdbc;

	private final UnitRepository units;

	private final Households households;

	ParkingLessees(JdbcTemplate jdbc, UnitRepository units, Households households) {
		this.jdbc = jdbc;
		this.units = units;
		this.households = households;
	}

	/** The estate's unit of that number; another estate's is unknown here. */
	Unit unit(long estateId, String unitNumber) {
		if (unitNumber == null || unitNumber.isBlank()) {
			throw new BadInputException("请填写房号");
		}
		return jdbc.queryForList("select unit_id from unit_address where unit_number = ? and estate_id = ?", Long.class,
				unitNumber.strip(), estateId)
			.stream()
			.findFirst()
			.flatMap(units::findById)
			.orElseThrow(() -> new BusinessRuleException(
					"没有房号为“" + unitNumber.strip() + "”的房屋，请按 楼栋-单元-房号 填写，如 3-2-1501"));
	}

	void requireOfUnit(Unit unit, boolean owner, String name) {
		if (!households.hasPersonNamed(unit.getId(), owner, name)) {
			throw new BusinessRuleException(
					"房屋 " + unit.getNumber() + " 没有名为“" + name + "”的" + (owner ? "业主" : "租户") + "，请核对");
		}
	}

	/** Refuses plates that are malformed (400), another household's or on another open lease (409), or unregistered (422). */
	List<String> requirePlates(Unit unit, List<String> plates, Long leaseId) {
		if (plates == null || plates.isEmpty() || plates.size() > MAX_PLATES) {
			throw new BadInputException("请填写 1 到 " + MAX_PLATES + " 个车牌号");
		}
		Set<String> seen = new HashSet<>();
		List<String> normalised = plates.stream().map(p -> p == null ? "" : p.strip().toUpperCase()).toList();
		for (String plate : normalised) {
			if (!PLATE.matcher(plate).matches()) {
				throw new BadInputException("车牌号“" + plate + "”不正确，如 冀A12345 或新能源 冀AD12345");
			}
			if (!seen.add(plate)) {
				throw new BadInputException("车牌 " + plate + " 填写了两次");
			}
			Optional<String> registeredTo = units.findByVehiclesPlateNumber(plate).map(Unit::getNumber);
			if (registeredTo.isEmpty()) {
				throw new BusinessRuleException("车牌 " + plate + " 未登记在房屋 " + unit.getNumber() + "，请先登记车辆");
			}
			if (!registeredTo.get().equals(unit.getNumber())) {
				throw new ConflictException("车牌 " + plate + " 登记在其他房屋，不能用于房屋 " + unit.getNumber() + " 的车位租赁");
			}
			if (jdbc.queryForObject("""
					select count(*) from parking_lease_plate p join parking_lease l on l.id = p.lease_id
					 where p.plate_number = ? and l.status in ('APPLIED', 'AWAITING_PAYMENT', 'ACTIVE', 'GRACE')
					   and l.id <> ?""", Integer.class, plate, leaseId == null ? -1L : leaseId) > 0) {
				throw new ConflictException("车牌 " + plate + " 已有一份有效的车位租赁");
			}
		}
		return normalised;
	}

}
