package cn.tianxiacheng.servicecenter.parking;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import cn.tianxiacheng.servicecenter.parking.LeaseApplications.Application;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.LesseeKind;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.PaymentPlan;
import jakarta.validation.constraints.NotNull;

/** Reception's 车位租赁申请 form; the lease's rules are {@link ParkingLeases#apply}'s. */
record LeaseForm(@NotNull(message = "请求编号缺失，请刷新页面后重新填写") String requestId,
		@NotNull(message = "请填写房号") String unitNumber, @NotNull(message = "请选择承租人类型") LesseeKind lesseeKind,
		@NotNull(message = "请填写承租人姓名") String lesseeName, @NotNull(message = "请填写联系电话") String lesseePhone,
		@NotNull(message = "请填写车位编号") String spaceNumber, @NotNull(message = "请填写车牌号") String plates,
		@NotNull(message = "请填写起租日") LocalDate startDate, @NotNull(message = "请填写租期（月）") Integer months,
		@NotNull(message = "请选择付款方式") PaymentPlan paymentPlan) {

	Application toApplication() {
		return new Application(requestId, unitNumber, lesseeKind, lesseeName, lesseePhone, spaceNumber, plates(plates),
				startDate, months, paymentPlan);
	}

	/** Plates typed one after another, separated by commas or spaces. */
	static List<String> plates(String text) {
		return Arrays.stream(text.split("[,，、\\s]+")).filter(plate -> !plate.isBlank()).toList();
	}

}
