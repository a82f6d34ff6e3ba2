package cn.tianxiacheng.servicecenter.inspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 开出巡查 ({@code Task_OpenRounds}): the coming rounds of every estate's active routes, each once. The schedule
 * belongs to no estate and every estate's staff read it: it keeps no count, which would be all estates'.
 */
@Component
class OpenInspectionRoundsDelegate implements JavaDelegate {

	private final InspectionRounds rounds;

	OpenInspectionRoundsDelegate(InspectionRounds rounds) {
		this.rounds = rounds;
	}

	@Override
	public void execute(DelegateExecution execution) {
		rounds.openDue();
	}

}
