package cn.tianxiacheng.servicecenter.fee;

import cn.tianxiacheng.servicecenter.estate.Estate;
import cn.tianxiacheng.servicecenter.system.BaseEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/**
 * 收费项目: a fee the estate charges, e.g. {@code MANAGEMENT} 物业管理费.
 */
@Entity
class FeeItem extends BaseEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Estate estate;

	private String code;

	private String name;

	@Enumerated(EnumType.STRING)
	private FeeKind kind;

	private boolean income;

	protected FeeItem() {
	}

	public FeeItem(Estate estate, String code, String name, FeeKind kind) {
		this.estate = estate;
		this.code = code;
		this.name = name;
		this.kind = kind;
		this.income = kind != FeeKind.DEPOSIT;
	}

	public Estate getEstate() {
		return estate;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public FeeKind getKind() {
		return kind;
	}

	public boolean isIncome() {
		return income;
	}

}
