package cn.tianxiacheng.servicecenter.estate;

import cn.tianxiacheng.servicecenter.system.BaseEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/**
 * 楼栋: a building of the estate, numbered 1, 2, 3…, with its entrances (单元) and floors.
 */
@Entity
public class Building extends BaseEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Estate estate;

	private int number;

	private String name;

	private int entrances;

	private int floors;

	protected Building() {
	}

	public Building(Estate estate, int number, int entrances, int floors) {
		this(estate, number, number + "号楼", entrances, floors);
	}

	Building(Estate estate, int number, String name, int entrances, int floors) {
		this.estate = estate;
		this.number = number;
		this.name = name;
		this.entrances = entrances;
		this.floors = floors;
	}

	public Estate getEstate() {
		return estate;
	}

	public int getNumber() {
		return number;
	}

	public String getName() {
		return name;
	}

	public int getEntrances() {
		return entrances;
	}

	public int getFloors() {
		return floors;
	}

}
