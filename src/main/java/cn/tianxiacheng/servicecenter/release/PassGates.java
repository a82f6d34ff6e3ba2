package cn.tianxiacheng.servicecenter.release;

import java.util.List;

import cn.tianxiacheng.servicecenter.system.EstateDirectory;
import cn.tianxiacheng.servicecenter.system.Staff;
import org.springframework.stereotype.Component;

/** The gates of the staff member's estate: its own, or the company's ({@code servicecenter.release.gates}). */
@Component
class PassGates {

	private final EstateDirectory estates;

	private final ReleaseProperties properties;

	PassGates(EstateDirectory estates, ReleaseProperties properties) {
		this.estates = estates;
		this.properties = properties;
	}

	List<String> of(Staff staff) {
		return estates.gates(staff.estateId()).orElse(properties.gates());
	}

}
