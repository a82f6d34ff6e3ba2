package cn.tianxiacheng.servicecenter.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.estate.PersonalDataPolicy;
import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
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

	private final TaskService taskService;

	private final EngineAsSystem engineAsSystem;

	private final Clock clock;

	CaseQueries(ServiceCaseRepository cases, UnitRepository units, CaseJournal journal, PersonalDataPolicy personalData,
			StaffNames staffNames, HistoryService historyService, TaskService taskService,
			EngineAsSystem engineAsSystem, Clock clock) {
		this.cases = cases;
		this.units = units;
		this.journal = journal;
		this.personalData = personalData;
		this.staffNames = staffNames;
		this.historyService = historyService;
		this.taskService = taskService;
		this.engineAsSystem = engineAsSystem;
		this.clock = clock;
	}

	/** The case of the staff member's estate: one of another estate answers as one that does not exist. */
	ServiceCase inEstateOf(String caseNumber, Staff staff) {
		return cases.findInEstate(caseNumber, staff.estateId())
			.orElseThrow(() -> new NotFoundException("案件不存在：" + caseNumber));
	}

	@Transactional
	void setContactName(String caseNumber, String name, Staff staff) {
		ServiceCase serviceCase = inEstateOf(caseNumber, staff);
		serviceCase.changeContactName(name);
		cases.save(serviceCase);
	}

	@Transactional
	void setContactPhone(String caseNumber, String phone, Staff staff) {
		ServiceCase serviceCase = inEstateOf(caseNumber, staff);
		serviceCase.changeContactPhone(phone);
		cases.save(serviceCase);
	}

	/** The case the staff member registered last, if within the given time. */
	Optional<ServiceCase> latestRegisteredBy(Staff staff, Duration within) {
		Instant since = clock.instant().minus(within);
		return cases.findLatestRegisteredInEstate(staff.id(), staff.estateId())
			.filter(serviceCase -> serviceCase.getRegisteredAt().isAfter(since));
	}

	/** Not read-only: a read in clear is logged. */
	@Transactional
	CaseView byNumber(String caseNumber, Authentication viewer) {
		ServiceCase serviceCase = inEstateOf(caseNumber, Staff.of(viewer));
		String unitNumber = units.findById(serviceCase.getUnitId()).orElseThrow().getNumber();
		return CaseView.of(serviceCase, unitNumber, journal.steps(serviceCase.getId()),
				personalData.forRecord(Staff.of(viewer), "CASE", caseNumber, "案件详情"),
				staffNames.of(serviceCase.getRegisteredBy()));
	}

	/**
	 * The case for its work order: the staff member who holds its work (the case's handler, or
	 * the assignee of its open task) sees the contact's phone to call before the visit; others
	 * see the case as on its page.
	 */
	@Transactional
	CaseView forWorkOrder(String caseNumber, Authentication viewer) {
		Staff staff = Staff.of(viewer);
		ServiceCase serviceCase = inEstateOf(caseNumber, staff);
		if (!holdsTheWork(serviceCase, staff)) {
			return byNumber(caseNumber, viewer);
		}
		String unitNumber = units.findById(serviceCase.getUnitId()).orElseThrow().getNumber();
		return CaseView.of(serviceCase, unitNumber, journal.steps(serviceCase.getId()),
				personalData.forAssignedWork(staff, "CASE", caseNumber, "派工单：上门前联系业主"),
				staffNames.of(serviceCase.getRegisteredBy()));
	}

	private boolean holdsTheWork(ServiceCase serviceCase, Staff staff) {
		String processInstanceId = serviceCase.getProcessInstanceId();
		if (processInstanceId == null) {
			return false;
		}
		boolean assigned = taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskAssignee(staff.id())
			.count() > 0;
		return assigned || staff.id().equals(engineAsSystem.call(() -> handlerId(processInstanceId)));
	}

	/** Who holds, or last held, the repair's work (its appointment or the visit), by the engine's history. */
	private String handlerId(String processInstanceId) {
		return historyService.createHistoricTaskInstanceQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKeyIn(ServiceRequestProcess.Element.SCHEDULE_APPOINTMENT, ServiceRequestProcess.Element.DO_WORK)
			.taskAssigned()
			.orderByHistoricActivityInstanceStartTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.map(HistoricTaskInstance::getAssignee)
			.findFirst()
			.orElse(null);
	}

	/** The name of who keeps the case's work, or null before anyone took it. */
	String handlerName(CaseView view) {
		if (view.processInstanceId() == null) {
			return null;
		}
		String handler = handlerId(view.processInstanceId());
		return handler == null ? null : staffNames.of(handler);
	}

}
