package cn.tianxiacheng.servicecenter.casework;

import java.util.HashMap;
import java.util.Map;

import cn.tianxiacheng.servicecenter.estate.UnitRepository;
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

	private final UnitRepository units;

	private final CaseJournal journal;

	CloseCaseDelegate(ServiceCaseRepository cases, RuntimeService runtimeService, UnitRepository units,
			CaseJournal journal) {
		this.cases = cases;
		this.units = units;
		this.runtimeService = runtimeService;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ServiceCase serviceCase = cases.findByCaseNumber(execution.getProcessBusinessKey()).orElseThrow();
		serviceCase.changeStatus(CaseStatus.CLOSED);
		cases.save(serviceCase);
		journal.record(serviceCase.getId(), "办结", "system", null);
		Map<String, Object> visit = new HashMap<>();
		visit.put(CaseVariables.CASE_ID, serviceCase.getId());
		visit.put(CaseVariables.CASE_NUMBER, serviceCase.getCaseNumber());
		visit.put(CaseVariables.UNIT_NUMBER, units.findById(serviceCase.getUnitId()).orElseThrow().getNumber());
		visit.put(CaseVariables.CATEGORY, serviceCase.getCategory());
		visit.put(CaseVariables.DESCRIPTION, serviceCase.getDescription());
		visit.put(CaseVariables.RECENT_STEPS, journal.recentSteps(serviceCase.getId()));
		visit.put(ReturnVisitProcess.DETAILS_PATH, "/cases/" + serviceCase.getCaseNumber());
		visit.put(ReturnVisitProcess.ATTEMPTS, 0);
		runtimeService.startProcessInstanceByKey(ReturnVisitProcess.KEY,
				ReturnVisitProcess.businessKey(serviceCase.getCaseNumber()), visit);
	}

}
