package cn.tianxiacheng.servicecenter.parking;

import cn.tianxiacheng.servicecenter.parking.ParkingLeaseProcess.Var;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.Lease;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 核对租金是否缴清 ({@code Task_CheckRentPaid}). */
@Component
class CheckLeaseRentPaidDelegate implements JavaDelegate {

	private final ParkingLeases leases;

	private final LeaseProcessSteps steps;

	CheckLeaseRentPaidDelegate(ParkingLeases leases, LeaseProcessSteps steps) {
		this.leases = leases;
		this.steps = steps;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Lease lease = leases.byNumber(execution.getProcessBusinessKey());
		execution.setVariable(Var.RENT_PAID, steps.rentPaid(lease));
	}

}
