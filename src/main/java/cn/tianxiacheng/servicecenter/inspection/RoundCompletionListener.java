package cn.tianxiacheng.servicecenter.inspection;

import cn.tianxiacheng.servicecenter.system.BadInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A round is completed only when every checkpoint is recorded: otherwise the completion is refused
 * (400, in Chinese) and nothing changes.
 */
@Component("roundCompletionListener")
class RoundCompletionListener implements TaskListener {

	private final InspectionRounds rounds;

	RoundCompletionListener(InspectionRounds rounds) {
		this.rounds = rounds;
	}

	@Override
	public void notify(DelegateTask task) {
		int left = rounds.unrecorded(task.getExecution().getProcessBusinessKey());
		if (left > 0) {
			throw new BadInputException("还有 " + left + " 个巡查点未记录，请先在巡查页面逐点记录正常或异常");
		}
	}

}
