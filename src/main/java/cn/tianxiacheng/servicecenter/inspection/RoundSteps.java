package cn.tianxiacheng.servicecenter.inspection;

import cn.tianxiacheng.servicecenter.journal.ProcessSteps;
import cn.tianxiacheng.servicecenter.journal.StepJournal;
import org.springframework.stereotype.Component;

/** The story of a round: every completed task of {@code InspectionRoundProcess}, from the engine's task events. */
@Component
class RoundSteps extends ProcessSteps {

	RoundSteps(StepJournal journal) {
		super(journal, InspectionRoundProcess.KEY);
	}

}
