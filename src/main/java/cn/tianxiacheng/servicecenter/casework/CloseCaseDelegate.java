package cn.tianxiacheng.servicecenter.casework;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 办结: closes the case and starts its return visit, which waits the configured time first.
 */
@Component("closeCaseDelegate")
class CloseCaseDelegate implements JavaDelegate {

	private final ServiceCaseRepository cases;

	private final RuntimeService runtimeService;

	private final CaseJournal journal;

	CloseCaseDelegate(ServiceCaseRepository cases, RuntimeService runtimeService, CaseJournal journal) {
		this.cases = cases;
		this.runtimeService = runtimeService;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ServiceCase serviceCase = cases.findById(((Number) execution.getVariable(CaseVariables.CASE_ID)).longValue())
			.orElseThrow();
		serviceCase.changeStatus(CaseStatus.CLOSED);
		cases.save(serviceCase);
		journal.record(serviceCase.getId(), "办结", "system", null);
		runtimeService.startProcessInstanceByKey(ReturnVisitProcess.KEY,
				ReturnVisitProcess.businessKey(serviceCase.getCaseNumber()),
				Map.of(CaseVariables.CASE_ID, serviceCase.getId(), CaseVariables.CASE_NUMBER, serviceCase.getCaseNumber(),
						CaseVariables.UNIT_NUMBER, execution.getVariable(CaseVariables.UNIT_NUMBER), CaseVariables.CATEGORY,
						serviceCase.getCategory(), CaseVariables.DESCRIPTION, serviceCase.getDescription(),
						CaseVariables.STORY, execution.getVariable(CaseVariables.STORY), "attempts", 0));
	}

}
