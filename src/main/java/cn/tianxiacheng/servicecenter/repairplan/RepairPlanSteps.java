package cn.tianxiacheng.servicecenter.repairplan;

import cn.tianxiacheng.servicecenter.journal.ProcessSteps;
import cn.tianxiacheng.servicecenter.journal.StepJournal;
import org.springframework.stereotype.Component;

/** The story of a repair plan: every completed task of {@code RepairPlanProcess}, from the engine's task events. */
@Component
class RepairPlanSteps extends ProcessSteps {

	RepairPlanSteps(StepJournal journal) {
		super(journal, RepairPlanProcess.KEY);
	}

}
