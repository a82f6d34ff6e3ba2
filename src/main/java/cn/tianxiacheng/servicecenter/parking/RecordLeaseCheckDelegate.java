package cn.tianxiacheng.servicecenter.parking;

import cn.tianxiacheng.servicecenter.parking.ParkingLeaseProcess.Var;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.Lease;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记核对结果 ({@code Task_RecordCheck}), after the check's commit: reception's approval counts
 * only when reception gave it, and only while the space and the plates are still free.
 */
@Component
class RecordLeaseCheckDelegate implements JavaDelegate {

	private final ParkingLeases leases;

	private final LeaseApplications applications;

	private final CompletedTasks completedTasks;

	RecordLeaseCheckDelegate(ParkingLeases leases, LeaseApplications applications, CompletedTasks completedTasks) {
		this.leases = leases;
		this.applications = applications;
		this.completedTasks = completedTasks;
	}

	@Override
	public void execute(DelegateExecution execution) {
		completedTasks.completedByItsGroup(execution, ParkingLeaseProcess.Element.CHECK_APPLICATION);
		Lease lease = leases.byNumber(execution.getProcessBusinessKey());
		boolean approved = "APPROVE".equals(execution.getVariable(Var.CHECK_RESULT));
		String refusal = approved ? applications.refusalNow(lease) : "接待员核对未通过";
		if (refusal != null) {
			applications.refuse(lease, refusal);
		}
		execution.setVariable(Var.APPLICATION_APPROVED, refusal == null);
	}

}
