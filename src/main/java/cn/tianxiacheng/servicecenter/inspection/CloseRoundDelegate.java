package cn.tianxiacheng.servicecenter.inspection;

import cn.tianxiacheng.servicecenter.inspection.InspectionRoundProcess.Element;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 完成巡查 ({@code Task_CloseRound}), after the walk's commit: the round is done when a member of
 * the group on duty completed it.
 */
@Component
class CloseRoundDelegate implements JavaDelegate {

	private final InspectionRounds rounds;

	private final CompletedTasks completedTasks;

	CloseRoundDelegate(InspectionRounds rounds, CompletedTasks completedTasks) {
		this.rounds = rounds;
		this.completedTasks = completedTasks;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String walker = completedTasks.completedByItsGroup(execution, Element.WALK_ROUND);
		rounds.close(execution.getProcessBusinessKey(), walker);
	}

}
