package cn.tianxiacheng.servicecenter.casework;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import cn.tianxiacheng.servicecenter.estate.PhoneNumbers;
import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.EstateRef;
import cn.tianxiacheng.servicecenter.system.NumberSeries;
import cn.tianxiacheng.servicecenter.system.RequestOnce;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 受理: registers a case with its number and starts the process that works it, in one
 * transaction. A request id makes a retried registration return the first case.
 */
@Service
public class CaseIntake {

	private final ServiceCaseRepository cases;

	private final UnitRepository units;

	private final NumberSeries numberSeries;

	private final RuntimeService runtimeService;

	private final CaseJournal journal;

	private final EngineAsSystem asSystem;

	private final Clock clock;

	private final RequestOnce requestOnce;

	CaseIntake(ServiceCaseRepository cases, UnitRepository units, NumberSeries numberSeries,
			RuntimeService runtimeService, CaseJournal journal, EngineAsSystem asSystem, Clock clock, RequestOnce requestOnce) {
		this.requestOnce = requestOnce;
		this.cases = cases;
		this.units = units;
		this.numberSeries = numberSeries;
		this.runtimeService = runtimeService;
		this.journal = journal;
		this.asSystem = asSystem;
		this.clock = clock;
	}

	public record Registration(String requestId, CaseType type, String unitNumber, String contactName,
			String contactPhone, Channel channel, String category, Urgency urgency, String description) {
	}

	/**
	 * Registers the case and starts its process (as the system: the registration is checked
	 * here), or returns the case of an earlier request with the same id.
	 */
	public ServiceCase register(Registration registration, Staff registeredBy) {
		return requestOnce.apply(() -> registerOnce(registration, registeredBy.estateId(), registeredBy));
	}

	/**
	 * The system's registration for a record it acts on (a defect found at a move-in, an abnormal
	 * checkpoint of a round), in that record's estate: the system works in none of its own.
	 */
	public ServiceCase registerForSystem(Registration registration, long estateId) {
		return requestOnce.apply(() -> registerOnce(registration, estateId, Staff.SYSTEM));
	}

	private ServiceCase registerOnce(Registration registration, long estateId, Staff registeredBy) {
		registeredBy.require("只有接待员或经理可以登记案件", StaffGroup.RECEPTION, StaffGroup.MANAGER);
		if (registration.requestId() != null) {
			var earlier = cases.findByRequestIdInEstate(registration.requestId(), estateId);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		ServiceCase serviceCase = create(registration, estateId, registeredBy.id());
		// in the case's estate: the system, registering for a record it acts on, works in none
		EstateRef estate = unitOf(serviceCase).getBuilding().getEstate().ref();
		ProcessInstance instance = asSystem.callIn(estate, () -> runtimeService.startProcessInstanceByKey(
				registration.type().processKey(), serviceCase.getCaseNumber(), variables(serviceCase)));
		serviceCase.workedBy(instance.getId());
		return serviceCase;
	}

	/**
	 * The case's record, numbered, with its first journal step: before the process starts for a
	 * registration through the API or the page, inside the process for one from Tasklist's start form.
	 * The unit is one of the estate the case is registered in.
	 */
	@Transactional
	ServiceCase create(Registration registration, long estateId, String registeredBy) {
		if (!CaseCategories.ALL.contains(registration.category())) {
			throw new BusinessRuleException("未知的类别“" + registration.category() + "”，可选：" + String.join("、", CaseCategories.ALL));
		}
		Unit unit = units.findByBuildingEstateIdAndNumber(estateId, registration.unitNumber().strip())
			.orElseThrow(() -> new BusinessRuleException("没有房号为“" + registration.unitNumber() + "”的房屋，请按 楼栋-单元-房号 填写，如 3-2-1501"));
		if (registration.description() == null || registration.description().isBlank()) {
			throw new BusinessRuleException("请填写问题描述");
		}
		String phone = contactPhone(registration.contactPhone());
		String caseNumber = numberSeries.nextOfDay(unit.getBuilding().getEstate().getCode(),
				registration.type().prefix());
		ServiceCase serviceCase = cases.saveAndFlush(new ServiceCase(caseNumber, registration.requestId(),
				registration.type(), unit.getId(), registration.contactName(), phone,
				registration.channel(), registration.category(), registration.urgency(), registration.description().strip(),
				clock.instant(), registeredBy));
		journal.record(serviceCase.getId(), "受理登记（" + registration.channel().label() + "）", registeredBy, null);
		return serviceCase;
	}

	/** No phone, or one the center can call back: a mainland mobile or a landline with its area code. */
	static String contactPhone(String phone) {
		if (phone == null || phone.isBlank()) {
			return null;
		}
		String digits = phone.replace(" ", "");
		if (!PhoneNumbers.isValid(digits)) {
			throw new BadInputException("联系电话应为 11 位手机号或带区号的座机号，如 13812345678、010-87654321");
		}
		return digits;
	}

	private Unit unitOf(ServiceCase serviceCase) {
		return units.findById(serviceCase.getUnitId()).orElseThrow();
	}

	/** What the case's process carries for its forms: the record's ids, what it is about, its steps so far. */
	Map<String, Object> variables(ServiceCase serviceCase) {
		Unit unit = unitOf(serviceCase);
		Map<String, Object> variables = new HashMap<>();
		variables.put(CaseVariables.CASE_ID, serviceCase.getId());
		variables.put(CaseVariables.CASE_NUMBER, serviceCase.getCaseNumber());
		variables.put(CaseVariables.CASE_TYPE, serviceCase.getType().name());
		variables.put(CaseVariables.UNIT_ID, unit.getId());
		variables.put(CaseVariables.UNIT_NUMBER, unit.getNumber());
		variables.put(CaseVariables.CHANNEL, serviceCase.getChannel().name());
		variables.put(CaseVariables.CATEGORY, serviceCase.getCategory());
		variables.put(CaseVariables.URGENCY, serviceCase.getUrgency().name());
		variables.put(CaseVariables.URGENCY_LABEL, serviceCase.getUrgency().label());
		variables.put(CaseVariables.DESCRIPTION, serviceCase.getDescription());
		variables.put(CaseVariables.RECENT_STEPS, journal.recentSteps(serviceCase.getId()));
		return variables;
	}

}
