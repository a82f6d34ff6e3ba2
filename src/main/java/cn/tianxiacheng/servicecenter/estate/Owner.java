package cn.tianxiacheng.servicecenter.estate;

import java.time.LocalDate;

import cn.tianxiacheng.servicecenter.system.BaseEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/**
 * 业主: an owner of a unit. ID number and phones are personal data: shown masked to
 * whoever may not see them ({@link PersonalDataPolicy}).
 */
@Entity
public class Owner extends BaseEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Unit unit;

	private String name;

	private String idNumber;

	private String phone;

	private String alternatePhone;

	private LocalDate moveInDate;

	protected Owner() {
	}

	public Owner(Unit unit, String name, String idNumber, String phone, String alternatePhone,
			LocalDate moveInDate) {
		this.unit = unit;
		this.name = name;
		this.idNumber = idNumber;
		this.phone = phone;
		this.alternatePhone = alternatePhone;
		this.moveInDate = moveInDate;
	}

	public Unit getUnit() {
		return unit;
	}

	public String getName() {
		return name;
	}

	public String getIdNumber() {
		return idNumber;
	}

	public String getPhone() {
		return phone;
	}

	public String getAlternatePhone() {
		return alternatePhone;
	}

	public LocalDate getMoveInDate() {
		return moveInDate;
	}

}
