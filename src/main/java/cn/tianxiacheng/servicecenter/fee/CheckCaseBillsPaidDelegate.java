package cn.tianxiacheng.servicecenter.fee;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets {@code caseBillsPaid}: whether the bills of the process's case are all paid. */
@Component("checkCaseBillsPaidDelegate")
class CheckCaseBillsPaidDelegate implements JavaDelegate {

	private final CaseFees caseFees;

	CheckCaseBillsPaidDelegate(CaseFees caseFees) {
		this.caseFees = caseFees;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long unitId = ((Number) execution.getVariable("unitId")).longValue();
		execution.setVariable("caseBillsPaid", caseFees.isPaid(execution.getProcessBusinessKey(), unitId));
	}

}
