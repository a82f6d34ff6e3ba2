package cn.tianxiacheng.servicecenter.estate;

import java.time.LocalDate;

import cn.tianxiacheng.servicecenter.system.BaseEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/**
 * 租户: a tenant of a unit for the dates of the lease.
 */
@Entity
public class Tenant extends BaseEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	private Unit unit;

	private String name;

	private String idNumber;

	private String phone;

	private LocalDate leaseStart;

	private LocalDate leaseEnd;

	protected Tenant() {
	}

	public Tenant(Unit unit, String name, String idNumber, String phone, LocalDate leaseStart, LocalDate leaseEnd) {
		this.unit = unit;
		this.name = name;
		this.idNumber = idNumber;
		this.phone = phone;
		this.leaseStart = leaseStart;
		this.leaseEnd = leaseEnd;
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

	public LocalDate getLeaseStart() {
		return leaseStart;
	}

	public LocalDate getLeaseEnd() {
		return leaseEnd;
	}

}
