package cn.tianxiacheng.servicecenter.casework;

import cn.tianxiacheng.servicecenter.estate.PersonalDataPolicy;
import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads one case with its story, for the API and the case page. */
@Component
class CaseQueries {

	private final ServiceCaseRepository cases;

	private final UnitRepository units;

	private final CaseJournal journal;

	private final PersonalDataPolicy personalData;

	private final StaffNames staffNames;

	private final HistoryService historyService;

	CaseQueries(ServiceCaseRepository cases, UnitRepository units, CaseJournal journal, PersonalDataPolicy personalData,
			StaffNames staffNames, HistoryService historyService) {
		this.cases = cases;
		this.units = units;
		this.journal = journal;
		this.personalData = personalData;
		this.staffNames = staffNames;
		this.historyService = historyService;
	}

	@Transactional
	void setContactPhone(String caseNumber, String phone) {
		ServiceCase serviceCase = cases.findByCaseNumber(caseNumber)
			.orElseThrow(() -> new NotFoundException("案件不存在：" + caseNumber));
		serviceCase.changeContactPhone(phone);
		cases.save(serviceCase);
	}

	/** Not read-only: a read in clear is logged. */
	@Transactional
	CaseView byNumber(String caseNumber, Authentication viewer) {
		ServiceCase serviceCase = cases.findByCaseNumber(caseNumber)
			.orElseThrow(() -> new NotFoundException("案件不存在：" + caseNumber));
		String unitNumber = units.findById(serviceCase.getUnitId()).orElseThrow().getNumber();
		return CaseView.of(serviceCase, unitNumber, journal.steps(serviceCase.getId()),
				personalData.forRecord(Staff.of(viewer), "CASE", caseNumber, "案件详情"),
				staffNames.of(serviceCase.getRegisteredBy()));
	}

	/** The name of who keeps the case's work ({@code handler}), or null before anyone took it. */
	String handlerName(CaseView view) {
		if (view.processInstanceId() == null) {
			return null;
		}
		HistoricVariableInstance handler = historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(view.processInstanceId())
			.variableName(KeepHandlerListener.HANDLER)
			.singleResult();
		return handler == null || handler.getValue() == null ? null : staffNames.of((String) handler.getValue());
	}

}
