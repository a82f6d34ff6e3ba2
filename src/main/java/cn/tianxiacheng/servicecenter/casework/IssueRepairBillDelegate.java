package cn.tianxiacheng.servicecenter.casework;

import java.util.List;

import cn.tianxiacheng.servicecenter.fee.CaseFees.CaseFee;
import cn.tianxiacheng.servicecenter.fee.CaseFees;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 开具维修收费账单: bills the chargeable items of a repair to the case's unit (the case found
 * by the business key), after the work's commit; the items count only when the department the
 * work was given to recorded them.
 */
@Component("issueRepairBillDelegate")
class IssueRepairBillDelegate implements JavaDelegate {

	private final ServiceCaseRepository cases;

	private final CaseFees caseFees;

	private final CompletedTasks completedTasks;

	private final ChargeItems chargeItems;

	IssueRepairBillDelegate(ServiceCaseRepository cases, CaseFees caseFees, CompletedTasks completedTasks,
			ChargeItems chargeItems) {
		this.cases = cases;
		this.caseFees = caseFees;
		this.completedTasks = completedTasks;
		this.chargeItems = chargeItems;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String worker = completedTasks.completedByItsGroup(execution, ServiceRequestProcess.Element.DO_WORK);
		ServiceCase serviceCase = cases.findByCaseNumber(execution.getProcessBusinessKey()).orElseThrow();
		List<CaseFee> items = ChargeItems.picked(execution, chargeItems.offered(serviceCase.getUnitId()));
		var total = caseFees.issue(serviceCase.getCaseNumber(), serviceCase.getUnitId(), items, worker);
		execution.setVariable("caseBillTotal", total.toPlainString());
	}

}
