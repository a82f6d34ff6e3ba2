package cn.tianxiacheng.servicecenter.parking;

import cn.tianxiacheng.servicecenter.parking.ParkingLeaseProcess.Var;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.Lease;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 租赁生效：车位出租给承租人，车辆停放于该车位 ({@code Task_ActivateLease}). */
@Component
class ActivateLeaseDelegate implements JavaDelegate {

	private final ParkingLeases leases;

	private final LeaseProcessSteps steps;

	ActivateLeaseDelegate(ParkingLeases leases, LeaseProcessSteps steps) {
		this.leases = leases;
		this.steps = steps;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Lease lease = leases.byNumber(execution.getProcessBusinessKey());
		steps.activate(lease);
		execution.setVariable(Var.RECENT_STEPS, steps.recentSteps(lease));
	}

}
