package cn.tianxiacheng.servicecenter.estate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.tianxiacheng.servicecenter.system.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

/**
 * 房屋: a unit numbered building-entrance-floor+door, e.g. {@code 3-2-1501}.
 */
@Entity
public class Unit extends BaseEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Building building;

	private String number;

	private int entrance;

	private int floor;

	@Column(name = "area_m2")
	private BigDecimal areaM2;

	@Enumerated(EnumType.STRING)
	private UnitType type;

	@Enumerated(EnumType.STRING)
	private UnitStatus status;

	@OneToMany(mappedBy = "unit")
	@OrderBy("id")
	private List<Owner> owners = new ArrayList<>();

	@OneToMany(mappedBy = "unit")
	@OrderBy("id")
	private List<Resident> residents = new ArrayList<>();

	@OneToMany(mappedBy = "unit")
	@OrderBy("leaseStart")
	private List<Tenant> tenants = new ArrayList<>();

	@OneToMany(mappedBy = "unit")
	@OrderBy("id")
	private List<Vehicle> vehicles = new ArrayList<>();

	@OneToMany(mappedBy = "unit")
	@OrderBy("number")
	private List<ParkingSpace> parkingSpaces = new ArrayList<>();

	protected Unit() {
	}

	public Unit(Building building, int entrance, int floor, int door, BigDecimal areaM2, UnitType type) {
		this(building, "%d-%d-%d%02d".formatted(building.getNumber(), entrance, floor, door), entrance, floor, areaM2,
				type);
	}

	/** A unit numbered as the estate numbers it (an imported estate's own numbers), vacant. */
	Unit(Building building, String number, int entrance, int floor, BigDecimal areaM2, UnitType type) {
		this.building = building;
		this.number = number;
		this.entrance = entrance;
		this.floor = floor;
		this.areaM2 = areaM2;
		this.type = type;
		this.status = UnitStatus.VACANT;
	}

	public void markOccupied() {
		this.status = UnitStatus.OCCUPIED;
	}

	public Building getBuilding() {
		return building;
	}

	public String getNumber() {
		return number;
	}

	public int getEntrance() {
		return entrance;
	}

	public int getFloor() {
		return floor;
	}

	public BigDecimal getAreaM2() {
		return areaM2;
	}

	public UnitType getType() {
		return type;
	}

	public UnitStatus getStatus() {
		return status;
	}

	public List<Owner> getOwners() {
		return owners;
	}

	public List<Resident> getResidents() {
		return residents;
	}

	public List<Tenant> getTenants() {
		return tenants;
	}

	public List<Vehicle> getVehicles() {
		return vehicles;
	}

	public List<ParkingSpace> getParkingSpaces() {
		return parkingSpaces;
	}

}
