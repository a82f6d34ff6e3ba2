package cn.tianxiacheng.servicecenter.estate;

import cn.tianxiacheng.servicecenter.system.BaseEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/**
 * 车辆: a vehicle registered to a unit, parked on one of its spaces if it has one.
 */
@Entity
class Vehicle extends BaseEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Unit unit;

	private String plateNumber;

	private String model;

	private String color;

	@ManyToOne(fetch = FetchType.LAZY)
	private ParkingSpace parkingSpace;

	protected Vehicle() {
	}

	public Vehicle(Unit unit, String plateNumber, String model, String color, ParkingSpace parkingSpace) {
		this.unit = unit;
		this.plateNumber = plateNumber;
		this.model = model;
		this.color = color;
		this.parkingSpace = parkingSpace;
	}

	public Unit getUnit() {
		return unit;
	}

	public String getPlateNumber() {
		return plateNumber;
	}

	public String getModel() {
		return model;
	}

	public String getColor() {
		return color;
	}

	public ParkingSpace getParkingSpace() {
		return parkingSpace;
	}

}
