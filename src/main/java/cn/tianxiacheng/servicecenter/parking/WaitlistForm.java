package cn.tianxiacheng.servicecenter.parking;

import cn.tianxiacheng.servicecenter.parking.ParkingLeases.LesseeKind;
import jakarta.validation.constraints.NotNull;

/** 登记候补: who waits for a space, an owner or a tenant of the unit. */
record WaitlistForm(@NotNull(message = "请填写房号") String unitNumber,
		@NotNull(message = "请选择申请人类型") LesseeKind applicantKind,
		@NotNull(message = "请填写申请人姓名") String applicantName,
		@NotNull(message = "请填写联系电话") String applicantPhone) {

	boolean lesseeIsOwner() {
		return applicantKind == LesseeKind.OWNER;
	}

}
