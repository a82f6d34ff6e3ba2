package cn.tianxiacheng.servicecenter.estate;

import cn.tianxiacheng.servicecenter.system.BaseEntity;
import jakarta.persistence.Entity;

/**
 * 小区: the residential estate the service center manages.
 */
@Entity
public class Estate extends BaseEntity {

	private String name;

	private String address;

	protected Estate() {
	}

	public Estate(String name, String address) {
		this.name = name;
		this.address = address;
	}

	public String getName() {
		return name;
	}

	public String getAddress() {
		return address;
	}

}
