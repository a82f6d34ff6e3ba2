package cn.tianxiacheng.servicecenter.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An unhappy return visit (2 or less) reopens its case; the manager takes it over. */
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
		if (!execution.hasVariable(CaseVariables.CASE_ID)) {
			return; // a routine visit: no case to reopen, the manager follows up all the same
		}
		ServiceCase serviceCase = cases.findById(((Number) execution.getVariable(CaseVariables.CASE_ID)).longValue())
			.orElseThrow();
		serviceCase.changeStatus(CaseStatus.REOPENED);
		cases.save(serviceCase);
		journal.record(serviceCase.getId(), "回访不满意，重新打开", "system",
				"满意度 " + execution.getVariable("satisfaction") + " 分");
	}

}
