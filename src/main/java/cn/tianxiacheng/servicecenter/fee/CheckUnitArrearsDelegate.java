package cn.tianxiacheng.servicecenter.fee;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets {@code unitInArrears}: whether the unit owes anything already due (e.g. before a goods release). */
@Component("checkUnitArrearsDelegate")
class CheckUnitArrearsDelegate implements JavaDelegate {

	private final Ledger ledger;

	CheckUnitArrearsDelegate(Ledger ledger) {
		this.ledger = ledger;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long unitId = ((Number) execution.getVariable("unitId")).longValue();
		execution.setVariable("unitInArrears", ledger.isInArrears(unitId));
	}

}
