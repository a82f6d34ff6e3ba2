package cn.tianxiacheng.servicecenter.casework;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.tianxiacheng.servicecenter.casework.OwnerCases.CaseLine;
import cn.tianxiacheng.servicecenter.casework.OwnerCases.ChargeLine;
import cn.tianxiacheng.servicecenter.casework.OwnerCases.DoneStep;
import cn.tianxiacheng.servicecenter.casework.OwnerCases.OpenStep;
import cn.tianxiacheng.servicecenter.casework.OwnerCases.Progress;
import cn.tianxiacheng.servicecenter.casework.OwnerCases.ShownField;
import cn.tianxiacheng.servicecenter.casework.OwnerVisibleFields.Field;
import cn.tianxiacheng.servicecenter.estate.Estate;
import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.fee.CaseCharges.Charges;
import cn.tianxiacheng.servicecenter.journal.Journal;
import cn.tianxiacheng.servicecenter.journal.Journal.Step;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.EstateDirectory;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a case's progress for its owner from the engine, live: the open tasks of the case's process
 * and of its return visit, the history of both, the journal and the charges.
 */
@Component
class OwnerCaseProgress {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** The timers whose firing hands a case to the manager ({@code ${escalationJournal}}). */
	private static final Set<String> ESCALATIONS = Set.of(ComplaintProcess.Element.RESPONSE_OVERDUE,
			ComplaintProcess.Element.RESOLUTION_OVERDUE, ServiceRequestProcess.Element.APPOINTMENT_OVERDUE,
			ServiceRequestProcess.Element.WORK_OVERDUE);

	/** A task with no candidate group stays with the center. */
	private static final String THE_CENTER = "物业服务中心";

	private final UnitRepository units;

	private final EstateDirectory estates;

	private final CaseJournal journal;

	private final RepairCharges repairCharges;

	private final TaskService taskService;

	private final HistoryService historyService;

	private final EngineAsSystem asSystem;

	OwnerCaseProgress(UnitRepository units, EstateDirectory estates, CaseJournal journal, RepairCharges repairCharges,
			TaskService taskService, HistoryService historyService, EngineAsSystem asSystem) {
		this.units = units;
		this.estates = estates;
		this.journal = journal;
		this.repairCharges = repairCharges;
		this.taskService = taskService;
		this.historyService = historyService;
		this.asSystem = asSystem;
	}

	@Transactional(readOnly = true)
	List<CaseLine> lines(long unitId, List<ServiceCase> cases) {
		if (cases.isEmpty()) {
			return List.of();
		}
		DateTimeFormatter minutes = MINUTES.withZone(zone(estateOf(unitId)));
		return cases.stream()
			.map(c -> new CaseLine(c.getCaseNumber(), c.getType().label(), c.getCategory(),
					minutes.format(c.getRegisteredAt()), c.getStatus().label()))
			.toList();
	}

	@Transactional(readOnly = true)
	Progress of(ServiceCase serviceCase) {
		Estate estate = estateOf(serviceCase.getUnitId());
		String estateCode = estate.getCode();
		DateTimeFormatter minutes = MINUTES.withZone(zone(estate));
		String[] businessKeys = { serviceCase.getCaseNumber(), ReturnVisitProcess.businessKey(serviceCase.getCaseNumber()) };
		return asSystem.call(() -> {
			List<OpenStep> open = taskService.createTaskQuery()
				.processInstanceBusinessKeyIn(businessKeys)
				.tenantIdIn(estateCode)
				.orderByTaskCreateTime()
				.asc()
				.list()
				.stream()
				.map(task -> new OpenStep(task.getName(), department(task),
						task.getDueDate() == null ? null : minutes.format(task.getDueDate().toInstant())))
				.toList();
			List<HistoricTaskInstance> done = historyService.createHistoricTaskInstanceQuery()
				.processInstanceBusinessKeyIn(businessKeys)
				.tenantIdIn(estateCode)
				.finished()
				.orderByHistoricTaskInstanceEndTime()
				.asc()
				.list();
			Charged charged = charges(serviceCase);
			return new Progress(serviceCase.getCaseNumber(), serviceCase.getType().label(), serviceCase.getCategory(),
					minutes.format(serviceCase.getRegisteredAt()), serviceCase.getStatus().label(), open,
					escalated(serviceCase.getProcessInstanceId()),
					serviceCase.getAppointmentAt() == null ? null
							: MINUTES.format(serviceCase.getAppointmentAt()),
					charged.lines(), charged.total(), charged.outstanding(),
					history(journal.steps(serviceCase.getId()), done, minutes));
		});
	}

	/** The departments that may take the task, never who took it. */
	private String department(Task task) {
		List<String> groups = taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.filter(Objects::nonNull)
			.toList();
		return groups.isEmpty() ? THE_CENTER : String.join("、", StaffGroup.labels(groups));
	}

	private boolean escalated(String processInstanceId) {
		return processInstanceId != null && historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(processInstanceId)
			.activityType("boundaryTimer")
			.list()
			.stream()
			.map(HistoricActivityInstance::getActivityId)
			.anyMatch(ESCALATIONS::contains);
	}

	/**
	 * The journal's steps, each a task done or a step of the system's, with the fields the owner
	 * sees of the task: the journal writes one line per completed task, under the task's name and in
	 * the order they were completed, so the n-th line of a name is the n-th task of that name.
	 */
	private List<DoneStep> history(List<Step> steps, List<HistoricTaskInstance> doneInOrder, DateTimeFormatter minutes) {
		Map<String, Deque<HistoricTaskInstance>> byName = new HashMap<>();
		doneInOrder.forEach(task -> byName.computeIfAbsent(task.getName(), name -> new ArrayDeque<>()).add(task));
		List<DoneStep> history = new ArrayList<>();
		for (Step step : steps) {
			Deque<HistoricTaskInstance> tasks = byName.get(step.step());
			List<ShownField> fields = tasks == null || tasks.isEmpty() ? List.of() : fields(tasks.poll(), step);
			history.add(new DoneStep(step.step(), minutes.format(step.handledAt().toInstant()), fields));
		}
		return history;
	}

	private List<ShownField> fields(HistoricTaskInstance task, Step step) {
		List<Field> allowed = OwnerVisibleFields.of(task.getTaskDefinitionKey());
		if (allowed.isEmpty()) {
			return List.of();
		}
		// the opinion leaves the process once journaled: its words are the journal's
		Map<String, Object> values = new HashMap<>();
		for (HistoricDetail detail : historyService.createHistoricDetailQuery()
			.activityInstanceId(task.getActivityInstanceId())
			.variableUpdates()
			.orderByTime()
			.asc()
			.list()) {
			HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
			if (update.getValue() != null) {
				values.put(update.getVariableName(), update.getValue());
			}
		}
		if (step.opinion() != null) {
			values.put(Journal.OPINION, step.opinion());
		}
		List<ShownField> shown = new ArrayList<>();
		for (Field field : allowed) {
			String value = field.shown(values.get(field.key()));
			if (value != null) {
				shown.add(new ShownField(field.label(), value));
			}
		}
		return shown;
	}

	private record Charged(List<ChargeLine> lines, String total, String outstanding) {
	}

	private Charged charges(ServiceCase serviceCase) {
		if (serviceCase.getType() != CaseType.SERVICE_REQUEST) {
			return new Charged(List.of(), null, null);
		}
		Charges charges = repairCharges.of(serviceCase.getCaseNumber(), serviceCase.getUnitId());
		if (charges.isEmpty()) {
			return new Charged(List.of(), null, null);
		}
		List<ChargeLine> lines = charges.lines()
			.stream()
			.filter(charge -> !charge.reversed())
			.map(charge -> new ChargeLine(charge.description(), yuan(charge.amount()), charge.status()))
			.toList();
		return new Charged(lines, yuan(charges.total()), yuan(charges.outstanding()));
	}

	private static String yuan(BigDecimal amount) {
		return amount.toPlainString() + " 元";
	}

	private Estate estateOf(long unitId) {
		return units.findById(unitId).orElseThrow().getBuilding().getEstate();
	}

	private ZoneId zone(Estate estate) {
		return estates.zone(estate.getCode()).orElseThrow();
	}

}
