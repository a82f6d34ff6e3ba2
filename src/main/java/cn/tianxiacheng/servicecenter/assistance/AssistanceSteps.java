package cn.tianxiacheng.servicecenter.assistance;

import cn.tianxiacheng.servicecenter.journal.ProcessSteps;
import cn.tianxiacheng.servicecenter.journal.StepJournal;
import org.springframework.stereotype.Component;

/** The story of a request for assistance: every completed task of {@code AssistanceRequestProcess}, from the engine's task events. */
@Component
class AssistanceSteps extends ProcessSteps {

	AssistanceSteps(StepJournal journal) {
		super(journal, AssistanceRequestProcess.KEY);
	}

}
