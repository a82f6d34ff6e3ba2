package cn.tianxiacheng.servicecenter.fee;

import cn.tianxiacheng.servicecenter.fee.CaseFees.CaseFee;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Issues the bills of the case the process handles: the business key is the case number,
 * {@code unitId} the unit, {@code caseFees} the items ({@code DECORATION_DEPOSIT,ACCESS_CARD*2}).
 * Sets {@code caseBillTotal}. Issuing again adds only what is missing.
 */
@Component("issueCaseBillsDelegate")
class IssueCaseBillsDelegate implements JavaDelegate {

	private final CaseFees caseFees;

	IssueCaseBillsDelegate(CaseFees caseFees) {
		this.caseFees = caseFees;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long unitId = ((Number) execution.getVariable("unitId")).longValue();
		String fees = (String) execution.getVariable("caseFees");
		var total = caseFees.issue(execution.getProcessBusinessKey(), unitId, CaseFee.parse(fees),
				"process:" + execution.getProcessDefinitionId().split(":")[0]);
		execution.setVariable("caseBillTotal", total.toPlainString());
	}

}
