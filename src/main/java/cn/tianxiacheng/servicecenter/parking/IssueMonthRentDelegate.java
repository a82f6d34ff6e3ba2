package cn.tianxiacheng.servicecenter.parking;

import cn.tianxiacheng.servicecenter.parking.ParkingLeases.Lease;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 开具下月租金（按月缴纳） ({@code Task_IssueMonthRent}). */
@Component
class IssueMonthRentDelegate implements JavaDelegate {

	private final ParkingLeases leases;

	private final LeaseProcessSteps steps;

	IssueMonthRentDelegate(ParkingLeases leases, LeaseProcessSteps steps) {
		this.leases = leases;
		this.steps = steps;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Lease lease = leases.byNumber(execution.getProcessBusinessKey());
		steps.billNextMonth(lease);
	}

}
