package cn.tianxiacheng.servicecenter.inspection;

import cn.tianxiacheng.servicecenter.inspection.InspectionRoundProcess.Var;
import cn.tianxiacheng.servicecenter.inspection.InspectionRounds.Round;
import cn.tianxiacheng.servicecenter.journal.Journal;
import cn.tianxiacheng.servicecenter.journal.StepJournal;
import cn.tianxiacheng.servicecenter.system.Staff;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 记为漏巡并报经理 ({@code Task_ReportMissedRound}): the round's time ran out before it was done; it
 * counts as missed, and the manager's form says how far it got.
 */
@Component
class ReportMissedRoundDelegate implements JavaDelegate {

	private final InspectionRounds rounds;

	private final StepJournal journal;

	ReportMissedRoundDelegate(InspectionRounds rounds, StepJournal journal) {
		this.rounds = rounds;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = execution.getProcessBusinessKey();
		rounds.missed(number);
		Round round = rounds.round(number);
		String recorded = "到结束时间已记录 " + round.recorded() + " / " + round.checkpoints() + " 个巡查点，其中异常 "
				+ round.abnormal() + " 个";
		journal.record(number, "巡查逾期未完成，已报经理", Staff.SYSTEM.id(), recorded);
		execution.setVariable(Var.RECORDED, recorded);
		execution.setVariable(Journal.RECENT_STEPS, journal.recentSteps(number));
	}

}
