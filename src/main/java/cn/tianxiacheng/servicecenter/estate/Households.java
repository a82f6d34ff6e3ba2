package cn.tianxiacheng.servicecenter.estate;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.tianxiacheng.servicecenter.system.BaseEntity;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import jakarta.persistence.EntityManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The estate's write API for the other packages, and the one place that says which units are
 * occupied: a move-in makes new owners, household and vehicles the unit's; an owner's details
 * change. The estate's tables are written here and nowhere else, through JPA (the entities of this
 * package); the queries other packages need are read with SQL.
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

	/** A unit with an owner, for the heating season's bills: a unit not occupied pays a share. */
	public record OwnedUnit(long id, String number, BigDecimal areaM2, UnitType type, UnitStatus status) {
	}

	/** An owner ({@code OWNER}) or a member of the household ({@code MEMBER}) of a unit. */
	public record Person(long id, String role, String name, String relation, String idNumber, String phone) {
	}

	/** The owner's details that an archive change may change. */
	public enum OwnerField {

		NAME("name"), ID_NUMBER("idNumber"), PHONE("phone"), ALTERNATE_PHONE("alternatePhone");

		private final String attribute;

		OwnerField(String attribute) {
			this.attribute = attribute;
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
		entityManager.createQuery("""
				update ParkingSpace s set s.unit = null, s.status = :vacant
				 where s.unit = :unit and s.status = :leased and s.contractNumber is null""")
			.setParameter("vacant", ParkingSpaceStatus.VACANT)
			.setParameter("unit", unit)
			.setParameter("leased", ParkingSpaceStatus.LEASED)
			.executeUpdate();
		owners.forEach(owner -> entityManager
			.persist(new Owner(unit, owner.name(), owner.idNumber(), owner.phone(), null, on)));
		members.forEach(member -> entityManager
			.persist(new Resident(unit, member.name(), member.relation(), member.idNumber(), member.phone())));
		vehicles.forEach(vehicle -> entityManager
			.persist(new Vehicle(unit, vehicle.plateNumber(), vehicle.model(), vehicle.color(), null)));
		unit.markOccupied();
		events.publishEvent(new HouseholdMovedIn(unit.getId(), unit.getNumber(), on));
	}

	/**
	 * 导入: owners, household members, tenants or vehicles of an estate moving from another system,
	 * added beside what their units have ({@link HouseholdImports} checked every line first); an owner
	 * who has moved in makes the unit occupied, as a move-in does.
	 */
	void bringIn(List<HouseholdCsv.Arrival> arrivals) {
		for (HouseholdCsv.Arrival arrival : arrivals) {
			Unit unit = units.getReferenceById(arrival.unitId());
			BaseEntity entity = arrival.entity().apply(unit);
			entityManager.persist(entity);
			if (entity instanceof Owner owner && owner.getMoveInDate() != null) {
				unit.markOccupied();
			}
		}
	}

	/** The current value of an owner's detail, if the owner belongs to the unit. */
	public Optional<String> ownerDetail(long unitId, long ownerId, OwnerField field) {
		return entityManager
			.createQuery("select o." + field.attribute + " from Owner o where o.id = :owner and o.unit.id = :unit",
					String.class)
			.setParameter("owner", ownerId)
			.setParameter("unit", unitId)
			.getResultList()
			.stream()
			.findFirst();
	}

	/**
	 * The unit's owners, then the members of its household, as the mask shows them; a caller that
	 * shows them in clear logs the read ({@link PersonalDataPolicy#logClearRead}).
	 */
	public List<Person> people(long unitId, PersonalDataMask mask) {
		return jdbc.query("""
				select id, 'OWNER', name, null, id_number, phone from owner where unit_id = ?
				union all
				select id, 'MEMBER', name, relation, id_number, phone from resident where unit_id = ?
				order by 2 desc, 1""", (rs, i) -> new Person(rs.getLong(1), rs.getString(2), mask.name(rs.getString(3)),
				rs.getString(4), mask.idNumber(rs.getString(5)), mask.phone(rs.getString(6))), unitId, unitId);
	}

	/** Whether the unit has an owner (or, not {@code owner}, a tenant) of this name. */
	public boolean hasPersonNamed(long unitId, boolean owner, String name) {
		String table = owner ? "owner" : "tenant";
		return jdbc.queryForObject("select count(*) from " + table + " where unit_id = ? and name = ?", Integer.class,
				unitId, name) > 0;
	}

	/** Changes an owner's detail (the archive decides when, and keeps the versions). */
	@Transactional
	public void changeOwner(long ownerId, OwnerField field, String value) {
		if (entityManager.createQuery("update Owner o set o." + field.attribute + " = :value where o.id = :owner")
			.setParameter("value", value)
			.setParameter("owner", ownerId)
			.executeUpdate() == 0) {
			throw new NotFoundException("业主不存在：编号 " + ownerId);
		}
	}

	/**
	 * Holds a vacant space (for a contract being signed, or for the next on the waiting list);
	 * false when it is not vacant any more.
	 */
	@Transactional
	public boolean reserveSpace(long spaceId) {
		return entityManager
			.createQuery("update ParkingSpace s set s.status = :reserved where s.id = :space and s.status = :vacant")
			.setParameter("reserved", ParkingSpaceStatus.RESERVED)
			.setParameter("space", spaceId)
			.setParameter("vacant", ParkingSpaceStatus.VACANT)
			.executeUpdate() == 1;
	}

	/**
	 * 出租: the space is the unit's under the contract, and the plates park on it; false when the
	 * space is leased or sold meanwhile.
	 */
	@Transactional
	public boolean leaseSpace(long spaceId, long unitId, String contractNumber, Collection<String> plates) {
		if (entityManager.createQuery("""
				update ParkingSpace s set s.status = :leased, s.unit = :unit, s.contractNumber = :contract
				 where s.id = :space and s.status in :free""")
			.setParameter("leased", ParkingSpaceStatus.LEASED)
			.setParameter("unit", entityManager.getReference(Unit.class, unitId))
			.setParameter("contract", contractNumber)
			.setParameter("space", spaceId)
			.setParameter("free", List.of(ParkingSpaceStatus.VACANT, ParkingSpaceStatus.RESERVED))
			.executeUpdate() == 0) {
			return false;
		}
		parkVehicles(unitId, plates, spaceId);
		return true;
	}

	/** The unit's vehicles with these plates park on the space; its others that parked there do not. */
	@Transactional
	public void parkVehicles(long unitId, Collection<String> plates, long spaceId) {
		unpark(spaceId);
		ParkingSpace space = entityManager.getReference(ParkingSpace.class, spaceId);
		plates.forEach(plate -> entityManager
			.createQuery("update Vehicle v set v.parkingSpace = :space where v.unit.id = :unit and v.plateNumber = :plate")
			.setParameter("space", space)
			.setParameter("unit", unitId)
			.setParameter("plate", plate)
			.executeUpdate());
	}

	/** The space is vacant again (a lease ended), or held for the next on the waiting list. */
	@Transactional
	public void freeSpace(long spaceId, boolean reserved) {
		unpark(spaceId);
		entityManager
			.createQuery("""
					update ParkingSpace s set s.status = :status, s.unit = null, s.contractNumber = null
					 where s.id = :space""")
			.setParameter("status", reserved ? ParkingSpaceStatus.RESERVED : ParkingSpaceStatus.VACANT)
			.setParameter("space", spaceId)
			.executeUpdate();
	}

	private void unpark(long spaceId) {
		entityManager.createQuery("update Vehicle v set v.parkingSpace = null where v.parkingSpace.id = :space")
			.setParameter("space", spaceId)
			.executeUpdate();
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

	/** The units of an estate that have an owner, occupied or not. */
	public List<OwnedUnit> owned(long estateId) {
		return jdbc.query("""
				select u.id, u.number, u.area_m2, u.type, u.status
				  from unit u join building b on b.id = u.building_id
				 where b.estate_id = ? and exists (select 1 from owner o where o.unit_id = u.id)""",
				(rs, i) -> new OwnedUnit(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3),
						UnitType.valueOf(rs.getString(4)), UnitStatus.valueOf(rs.getString(5))),
				estateId);
	}

	/** The name of the unit's first registered owner, if it has one. */
	public Optional<String> firstOwner(long unitId) {
		return jdbc.queryForList("select name from owner where unit_id = ? order by id", String.class, unitId)
			.stream()
			.findFirst();
	}

	/** The plates of the unit's vehicles. */
	public List<String> plates(long unitId) {
		return jdbc.queryForList("select plate_number from vehicle where unit_id = ? order by id", String.class, unitId);
	}

	/** The numbers of the estate's vacant homes no owner has moved into yet, in order. */
	public List<String> vacantHomes(long estateId) {
		return jdbc.queryForList("""
				select u.number from unit u join building b on b.id = u.building_id
				 where b.estate_id = ? and u.status = 'VACANT' and u.type = 'RESIDENTIAL'
				   and not exists (select 1 from owner o where o.unit_id = u.id) order by u.id""", String.class, estateId);
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
