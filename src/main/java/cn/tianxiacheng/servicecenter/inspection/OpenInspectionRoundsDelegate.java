package cn.tianxiacheng.servicecenter.inspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 开出巡查 ({@code Task_OpenRounds}): the coming rounds of every active route, each once. */
@Component
class OpenInspectionRoundsDelegate implements JavaDelegate {

	private final InspectionRounds rounds;

	OpenInspectionRoundsDelegate(InspectionRounds rounds) {
		this.rounds = rounds;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable("roundsOpened", rounds.openDue());
	}

}
