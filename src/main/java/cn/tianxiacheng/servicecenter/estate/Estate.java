package cn.tianxiacheng.servicecenter.estate;

import cn.tianxiacheng.servicecenter.system.EstateRef;

import java.time.ZoneId;

import cn.tianxiacheng.servicecenter.system.BaseEntity;
import jakarta.persistence.Entity;

/**
 * 小区: a residential estate the company manages, with its short code (2–6 upper-case letters or
 * digits, {@code TXC} for 天下城), its time zone and the gates where goods leave.
 */
@Entity
public class Estate extends BaseEntity {

	/** The zone of an estate added without naming one: the company's estates are in China. */
	static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

	private String name;

	private String code;

	private String address;

	private String timeZone;

	/** Its gates, separated by 、; none: the company's. */
	private String gates;

	protected Estate() {
	}

	public Estate(String name, String code, String address) {
		this.name = name;
		this.code = code;
		this.address = address;
		this.timeZone = DEFAULT_ZONE.getId();
	}

	public String getName() {
		return name;
	}

	/** The estate as staff work in it and the engine knows it. */
	public EstateRef ref() {
		return new EstateRef(getId(), code, name);
	}

	public String getCode() {
		return code;
	}

	public String getAddress() {
		return address;
	}

	void setGates(String gates) {
		this.gates = gates;
	}

}
