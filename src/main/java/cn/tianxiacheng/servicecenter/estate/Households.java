package cn.tianxiacheng.servicecenter.estate;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.tianxiacheng.servicecenter.system.NotFoundException;
import jakarta.persistence.EntityManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The estate's write API for the other packages, and the one place that says which units are
 * occupied: a move-in makes new owners, household and vehicles the unit's; an owner's details
 * change. The estate's tables are written here and nowhere else.
 */
@Service
public class Households {

	public record NewOwner(String name, String idNumber, String phone) {
	}

	public record NewMember(String name, String relation, String idNumber, String phone) {
	}

	public record NewVehicle(String plateNumber, String model, String color) {
	}

	/** An occupied unit with what billing needs: area, type, and the day its owners moved in. */
	public record OccupiedUnit(long id, String number, int building, BigDecimal areaM2, UnitType type,
			LocalDate movedIn) {
	}

	/** The owner's details that an archive change may change. */
	public enum OwnerField {

		NAME("name"), ID_NUMBER("id_number"), PHONE("phone"), ALTERNATE_PHONE("alternate_phone");

		private final String column;

		OwnerField(String column) {
			this.column = column;
		}

	}

	private static final String OCCUPIED = """
			select u.id, u.number, b.number, u.area_m2, u.type,
			       (select min(o.move_in_date) from owner o where o.unit_id = u.id) as moved_in
			  from unit u join building b on b.id = u.building_id
			 where b.estate_id = ? and u.status = 'OCCUPIED'""";

	private final EntityManager entityManager;

	private final UnitRepository units;

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	Households(EntityManager entityManager, UnitRepository units, JdbcTemplate jdbc, ApplicationEventPublisher events) {
		this.entityManager = entityManager;
		this.units = units;
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * 入住: from the given day the unit's owners, household and vehicles are these (the former
	 * ones leave, parking spaces they held without a contract are free again) and the unit is
	 * occupied. A space leased under a contract stays with its lease until the lease is ended:
	 * {@link HouseholdMovedIn} tells whoever keeps the contracts.
	 */
	@Transactional
	public void moveIn(long unitId, LocalDate on, List<NewOwner> owners, List<NewMember> members,
			List<NewVehicle> vehicles) {
		Unit unit = units.findById(unitId).orElseThrow(() -> new NotFoundException("房屋不存在：编号 " + unitId));
		for (String household : List.of("Resident", "Vehicle", "Owner")) {
			entityManager.createQuery("delete from " + household + " h where h.unit = :unit")
				.setParameter("unit", unit)
				.executeUpdate();
		}
		jdbc.update("""
				update parking_space set unit_id = null, status = 'VACANT'
				 where unit_id = ? and status = 'LEASED' and contract_number is null""", unitId);
		owners.forEach(owner -> entityManager
			.persist(new Owner(unit, owner.name(), owner.idNumber(), owner.phone(), null, on)));
		members.forEach(member -> entityManager
			.persist(new Resident(unit, member.name(), member.relation(), member.idNumber(), member.phone())));
		vehicles.forEach(vehicle -> entityManager
			.persist(new Vehicle(unit, vehicle.plateNumber(), vehicle.model(), vehicle.color(), null)));
		unit.markOccupied();
		events.publishEvent(new HouseholdMovedIn(unit.getId(), unit.getNumber(), on));
	}

	/** The current value of an owner's detail, if the owner belongs to the unit. */
	public Optional<String> ownerDetail(long unitId, long ownerId, OwnerField field) {
		return jdbc.queryForList("select " + field.column + " from owner where id = ? and unit_id = ?", String.class,
				ownerId, unitId).stream().findFirst();
	}

	/** Changes an owner's detail (the archive decides when, and keeps the versions). */
	@Transactional
	public void changeOwner(long ownerId, OwnerField field, String value) {
		if (jdbc.update("update owner set " + field.column + " = ? where id = ?", value, ownerId) == 0) {
			throw new NotFoundException("业主不存在：编号 " + ownerId);
		}
	}

	/**
	 * Holds a vacant space (for a contract being signed, or for the next on the waiting list);
	 * false when it is not vacant any more.
	 */
	@Transactional
	public boolean reserveSpace(long spaceId) {
		return jdbc.update("update parking_space set status = 'RESERVED' where id = ? and status = 'VACANT'", spaceId) == 1;
	}

	/**
	 * 出租: the space is the unit's under the contract, and the plates park on it; false when the
	 * space is leased or sold meanwhile.
	 */
	@Transactional
	public boolean leaseSpace(long spaceId, long unitId, String contractNumber, Collection<String> plates) {
		if (jdbc.update("""
				update parking_space set status = 'LEASED', unit_id = ?, contract_number = ?
				 where id = ? and status in ('VACANT', 'RESERVED')""", unitId, contractNumber, spaceId) == 0) {
			return false;
		}
		parkVehicles(unitId, plates, spaceId);
		return true;
	}

	/** The unit's vehicles with these plates park on the space; its others that parked there do not. */
	@Transactional
	public void parkVehicles(long unitId, Collection<String> plates, long spaceId) {
		jdbc.update("update vehicle set parking_space_id = null where parking_space_id = ?", spaceId);
		plates.forEach(plate -> jdbc.update("update vehicle set parking_space_id = ? where unit_id = ? and plate_number = ?",
				spaceId, unitId, plate));
	}

	/** The space is vacant again (a lease ended), or held for the next on the waiting list. */
	@Transactional
	public void freeSpace(long spaceId, boolean reserved) {
		jdbc.update("update vehicle set parking_space_id = null where parking_space_id = ?", spaceId);
		jdbc.update("update parking_space set status = ?, unit_id = null, contract_number = null where id = ?",
				reserved ? "RESERVED" : "VACANT", spaceId);
	}

	/** The occupied units of an estate, or of some of its buildings (none named: all of them). */
	public List<OccupiedUnit> occupied(long estateId, Collection<Integer> buildings) {
		String sql = buildings == null || buildings.isEmpty() ? OCCUPIED
				: OCCUPIED + " and b.number in (" + buildings.stream().map(b -> "?").collect(Collectors.joining(",")) + ")";
		Object[] arguments = buildings == null || buildings.isEmpty() ? new Object[] { estateId }
				: Stream.concat(Stream.of(estateId), buildings.stream()).toArray();
		return jdbc.query(sql + " order by u.id",
				(rs, i) -> new OccupiedUnit(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4),
						UnitType.valueOf(rs.getString(5)), toLocalDate(rs.getDate(6))),
				arguments);
	}

	/** The occupied units of every estate. */
	public List<OccupiedUnit> occupied() {
		return jdbc.queryForList("select id from estate order by id", Long.class)
			.stream()
			.flatMap(estateId -> occupied(estateId, List.of()).stream())
			.toList();
	}

	private static LocalDate toLocalDate(Date date) {
		return date == null ? null : date.toLocalDate();
	}

}
