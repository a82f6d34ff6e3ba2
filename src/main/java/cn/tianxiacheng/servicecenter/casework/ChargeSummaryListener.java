package cn.tianxiacheng.servicecenter.casework;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When reception is to confirm a repair with the owner, its form shows the repair's charges as
 * the ledger holds them now ({@code chargeSummary}): corrections made since the work count.
 */
@Component("chargeSummaryListener")
class ChargeSummaryListener implements TaskListener {

	static final String SUMMARY = "chargeSummary";

	private final RepairCharges charges;

	private final ServiceCaseRepository cases;

	ChargeSummaryListener(RepairCharges charges, ServiceCaseRepository cases) {
		this.charges = charges;
		this.cases = cases;
	}

	@Override
	public void notify(DelegateTask task) {
		ServiceCase repair = cases.findByCaseNumber(task.getExecution().getProcessBusinessKey()).orElseThrow();
		task.getExecution().setVariable(SUMMARY, charges.of(repair.getCaseNumber(), repair.getUnitId()).summary());
	}

}
