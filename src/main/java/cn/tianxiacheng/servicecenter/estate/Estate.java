package cn.tianxiacheng.servicecenter.estate;

import java.time.ZoneId;

import cn.tianxiacheng.servicecenter.system.BaseEntity;
import cn.tianxiacheng.servicecenter.system.EstateHours;
import cn.tianxiacheng.servicecenter.system.EstateRef;
import jakarta.persistence.Entity;

/**
 * 小区: a residential estate the company manages, with its short code (2–6 upper-case letters or
 * digits, {@code TXC} for 天下城), its time zone, its business hours and the gates where goods leave.
 */
@Entity
public class Estate extends BaseEntity {

	/** The zone of an estate added without naming one: the company's estates are in China. */
	static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

	private String name;

	private String code;

	private String address;

	private String timeZone;

	/** 服务中心办公时间, ranges {@code HH:mm-HH:mm} separated by 、. */
	private String officeHours;

	/** 装修施工时间: when decoration work is allowed, as the office hours. */
	private String worksHours;

	/** Its gates, separated by 、; none: the company's. */
	private String gates;

	protected Estate() {
	}

	public Estate(String name, String code, String address) {
		this.name = name;
		this.code = code;
		this.address = address;
		this.timeZone = DEFAULT_ZONE.getId();
		this.officeHours = EstateHours.DEFAULT.office();
		this.worksHours = EstateHours.DEFAULT.works();
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

	void setZoneAndHours(ZoneId zone, String officeHours, String worksHours) {
		this.timeZone = zone.getId();
		this.officeHours = officeHours;
		this.worksHours = worksHours;
	}

	void setGates(String gates) {
		this.gates = gates;
	}

}
