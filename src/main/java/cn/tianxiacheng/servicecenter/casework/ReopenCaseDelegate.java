package cn.tianxiacheng.servicecenter.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An unhappy return visit (2 or less) reopens the case it follows up; the manager takes it over. */
@Component("reopenCaseDelegate")
class ReopenCaseDelegate implements JavaDelegate {

	private final ServiceCaseRepository cases;

	private final CaseJournal journal;

	ReopenCaseDelegate(ServiceCaseRepository cases, CaseJournal journal) {
		this.cases = cases;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// a routine visit has no case to reopen: the manager follows up all the same
		ReturnVisitProcess.caseNumber(execution.getProcessBusinessKey()).ifPresent(caseNumber -> {
			ServiceCase serviceCase = cases.findByCaseNumber(caseNumber).orElseThrow();
			serviceCase.changeStatus(CaseStatus.REOPENED);
			cases.save(serviceCase);
			journal.record(serviceCase.getId(), "回访不满意，重新打开", "system",
					"满意度 " + execution.getVariable(ReturnVisitProcess.SATISFACTION) + " 分");
			execution.setVariable(CaseVariables.RECENT_STEPS, journal.recentSteps(serviceCase.getId()));
		});
	}

}
