package cn.tianxiacheng.servicecenter.parking;

import cn.tianxiacheng.servicecenter.parking.ParkingLeases.Lease;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 收回车位，交给候补的下一位 ({@code Task_ReleaseSpace}). */
@Component
class ReleaseParkingSpaceDelegate implements JavaDelegate {

	private final ParkingLeases leases;

	private final LeaseProcessSteps steps;

	ReleaseParkingSpaceDelegate(ParkingLeases leases, LeaseProcessSteps steps) {
		this.leases = leases;
		this.steps = steps;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Lease lease = leases.byNumber(execution.getProcessBusinessKey());
		steps.end(lease);
	}

}
