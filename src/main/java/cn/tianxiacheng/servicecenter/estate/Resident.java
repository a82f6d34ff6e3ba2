package cn.tianxiacheng.servicecenter.estate;

import cn.tianxiacheng.servicecenter.system.BaseEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/**
 * 住户: a household member living in a unit with its owner.
 */
@Entity
class Resident extends BaseEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Unit unit;

	private String name;

	/** 配偶, 子女, 父母… */
	private String relation;

	private String idNumber;

	private String phone;

	protected Resident() {
	}

	public Resident(Unit unit, String name, String relation, String idNumber, String phone) {
		this.unit = unit;
		this.name = name;
		this.relation = relation;
		this.idNumber = idNumber;
		this.phone = phone;
	}

	public Unit getUnit() {
		return unit;
	}

	public String getName() {
		return name;
	}

	public String getRelation() {
		return relation;
	}

	public String getIdNumber() {
		return idNumber;
	}

	public String getPhone() {
		return phone;
	}

}
