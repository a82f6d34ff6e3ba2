package cn.tianxiacheng.servicecenter.estate;

import cn.tianxiacheng.servicecenter.system.BaseEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/**
 * 车位: a parking space, vacant, or leased or sold to a unit.
 */
@Entity
class ParkingSpace extends BaseEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Estate estate;

	/** e.g. {@code B1-023} */
	private String number;

	/** 地下一层, 地面… */
	private String location;

	@Enumerated(EnumType.STRING)
	private ParkingSpaceStatus status;

	@ManyToOne(fetch = FetchType.LAZY)
	private Unit unit;

	/** The lease contract the space is leased under (see {@link Households}); none when sold or held without one. */
	private String contractNumber;

	protected ParkingSpace() {
	}

	public ParkingSpace(Estate estate, String number, String location) {
		this.estate = estate;
		this.number = number;
		this.location = location;
		this.status = ParkingSpaceStatus.VACANT;
	}

	public void assignTo(Unit unit, ParkingSpaceStatus status) {
		this.unit = unit;
		this.status = status;
	}

	public Estate getEstate() {
		return estate;
	}

	public String getNumber() {
		return number;
	}

	public String getLocation() {
		return location;
	}

	public ParkingSpaceStatus getStatus() {
		return status;
	}

	public Unit getUnit() {
		return unit;
	}

}
