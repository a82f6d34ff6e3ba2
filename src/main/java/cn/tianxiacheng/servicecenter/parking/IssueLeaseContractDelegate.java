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

	IssueLeaseContractDelegate(ParkingLeases leases) {
		this.leases = leases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Lease lease = leases.byNumber(execution.getProcessBusinessKey());
		execution.setVariable(Var.RENT_DUE, leases.issueContract(lease).toPlainString());
		execution.setVariable(Var.RECENT_STEPS, leases.recentSteps(lease));
	}

}
