package cn.tianxiacheng.servicecenter.dunning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("openDunningCasesDelegate")
class OpenDunningCasesDelegate implements JavaDelegate {

	private final Dunning dunning;

	OpenDunningCasesDelegate(Dunning dunning) {
		this.dunning = dunning;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable("openedCount", dunning.openForUnitsInArrears());
	}

}
