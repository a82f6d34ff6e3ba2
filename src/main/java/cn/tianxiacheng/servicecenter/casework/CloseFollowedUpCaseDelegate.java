package cn.tianxiacheng.servicecenter.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The manager has followed up an unhappy visit: the case it reopened is closed again (已办结). */
@Component("closeFollowedUpCaseDelegate")
class CloseFollowedUpCaseDelegate implements JavaDelegate {

	private final ServiceCaseRepository cases;

	private final CaseJournal journal;

	CloseFollowedUpCaseDelegate(ServiceCaseRepository cases, CaseJournal journal) {
		this.cases = cases;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ReturnVisitProcess.caseNumber(execution.getProcessBusinessKey()).ifPresent(caseNumber -> {
			ServiceCase serviceCase = cases.findByCaseNumber(caseNumber).orElseThrow();
			serviceCase.changeStatus(CaseStatus.CLOSED);
			cases.save(serviceCase);
			journal.record(serviceCase.getId(), "不满意回访经理已处理，再次办结", "system", null);
		});
	}

}
