package cn.tianxiacheng.servicecenter.parking;

import cn.tianxiacheng.servicecenter.parking.ParkingLeaseProcess.Var;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.Lease;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 签订合同并开具租金 ({@code Task_IssueContract}). */
@Component
class IssueLeaseContractDelegate implements JavaDelegate {

	private final ParkingLeases leases;

	private final LeaseProcessSteps steps;

	IssueLeaseContractDelegate(ParkingLeases leases, LeaseProcessSteps steps) {
		this.leases = leases;
		this.steps = steps;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Lease lease = leases.byNumber(execution.getProcessBusinessKey());
		execution.setVariable(Var.RENT_DUE, steps.issueContract(lease).toPlainString());
		execution.setVariable(Var.RECENT_STEPS, steps.recentSteps(lease));
	}

}
