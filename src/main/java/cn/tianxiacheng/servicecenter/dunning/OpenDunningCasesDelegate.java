package cn.tianxiacheng.servicecenter.dunning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 为欠费房屋开立催缴 ({@code Task_OpenDunningCases}). The scan belongs to no estate and every estate's staff
 * read it: it keeps no count, which would be all estates' (each estate's is in the log).
 */
@Component("openDunningCasesDelegate")
class OpenDunningCasesDelegate implements JavaDelegate {

	private final Dunning dunning;

	OpenDunningCasesDelegate(Dunning dunning) {
		this.dunning = dunning;
	}

	@Override
	public void execute(DelegateExecution execution) {
		dunning.openForUnitsInArrears();
	}

}
